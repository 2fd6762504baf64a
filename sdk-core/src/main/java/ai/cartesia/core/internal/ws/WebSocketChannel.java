package ai.cartesia.core.internal.ws;

import ai.cartesia.core.internal.stream.ErrorReader;
import ai.cartesia.core.internal.stream.ServerError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the API definition says about one WebSocket endpoint: its path, the query parameters
 * that are always sent, where the API key goes, and how server messages are decoded. Generated
 * code declares one per channel.
 *
 * @param <S> the type of the JSON messages the client sends
 * @param <R> the type of the messages the server sends
 */
public final class WebSocketChannel<S, R> {

  private final String path;
  private final Map<String, String> constantQuery;
  private final String apiKeyQueryParameter;
  private final FrameDecoder<R> decoder;
  private final Predicate<? super R> lastMessage;
  private final ErrorReader<R> errors;

  private WebSocketChannel(Builder<S, R> builder) {
    this.path = builder.path;
    this.constantQuery = Map.copyOf(builder.constantQuery);
    this.apiKeyQueryParameter = builder.apiKeyQueryParameter;
    this.decoder = builder.decoder;
    this.lastMessage = builder.lastMessage;
    this.errors = builder.errors;
  }

  public static <S, R> Builder<S, R> builder(String path, FrameDecoder<R> decoder) {
    return new Builder<>(path, decoder);
  }

  /** The path relative to the base URL, without a leading slash. */
  public String path() {
    return path;
  }

  public Map<String, String> constantQuery() {
    return constantQuery;
  }

  public Optional<String> apiKeyQueryParameter() {
    return Optional.ofNullable(apiKeyQueryParameter);
  }

  public FrameDecoder<R> decoder() {
    return decoder;
  }

  /**
   * Which server message is the last of a plain session (STT's {@code done}), if the API says.
   * The session's messages end after it; a close before it is a {@link
   * ai.cartesia.core.errors.ConnectionClosedException}. Without it, a normal close ends the
   * messages normally.
   */
  public Optional<Predicate<? super R>> lastMessage() {
    return Optional.ofNullable(lastMessage);
  }

  /**
   * What a server message reports as an error, if it reports one: such a message ends its
   * receiver (the context it names, or a plain session's messages) with a {@link
   * ai.cartesia.core.errors.StreamErrorException}.
   */
  public Optional<ServerError> errorOf(R message) {
    return errors.errorOf(message);
  }

  @Override
  public String toString() {
    return "WebSocketChannel{" + path + "}";
  }

  public static final class Builder<S, R> {
    private final String path;
    private final FrameDecoder<R> decoder;
    private final Map<String, String> constantQuery = new LinkedHashMap<>();
    private String apiKeyQueryParameter;
    private Predicate<? super R> lastMessage;
    private ErrorReader<R> errors = ErrorReader.none();

    private Builder(String path, FrameDecoder<R> decoder) {
      this.path = Objects.requireNonNull(path, "path");
      this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    public Builder<S, R> constantQuery(String name, String value) {
      constantQuery.put(name, value);
      return this;
    }

    public Builder<S, R> apiKeyQueryParameter(String name) {
      this.apiKeyQueryParameter = name;
      return this;
    }

    /** See {@link WebSocketChannel#lastMessage()}. */
    public Builder<S, R> lastMessage(Predicate<? super R> isLast) {
      this.lastMessage = Objects.requireNonNull(isLast, "isLast");
      return this;
    }

    /** See {@link WebSocketChannel#errorOf}. */
    public Builder<S, R> errorOf(ErrorReader<R> errors) {
      this.errors = Objects.requireNonNull(errors, "errors");
      return this;
    }

    public WebSocketChannel<S, R> build() {
      return new WebSocketChannel<>(this);
    }
  }
}
