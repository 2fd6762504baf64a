package ai.cartesia.core.errors;

/**
 * The caller cancelled the TTS context this stream belongs to, so it ends without the context's
 * {@code done}: whoever reads it learns that the audio is incomplete. The server may still be
 * finishing the generation; the future that {@code cancel()} returns says when it has.
 */
public class StreamCancelledException extends SdkException {

  public StreamCancelledException(String message) {
    super(message);
  }
}
