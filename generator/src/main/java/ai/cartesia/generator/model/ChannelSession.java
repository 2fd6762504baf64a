package ai.cartesia.generator.model;

import java.util.Map;
import java.util.Optional;

/**
 * The typed session classes generated for a channel ({@code x-websocket} {@code session}).
 *
 * @param sessionName the session class, such as {@code TtsWebSocket}
 * @param contextName the context class of a multiplexed channel, such as {@code TtsContext}
 * @param commandMethods the Java method that sends each text command, by command
 * @param incrementalText how a context takes text piece by piece, if it can
 */
public record ChannelSession(
    String sessionName,
    Optional<String> contextName,
    Map<String, String> commandMethods,
    Optional<IncrementalText> incrementalText) {

  /**
   * A context opened once with its settings, then fed text, by wire names.
   *
   * @param request the client message with the settings and the text
   * @param text its text property
   * @param continueField its flag for "more text follows"
   * @param flushField its flag for "flush now"
   * @param flushDoneTag the tag of the server message that acknowledges a flush
   */
  public record IncrementalText(
      TypeRef request, String text, String continueField, String flushField, String flushDoneTag) {}
}
