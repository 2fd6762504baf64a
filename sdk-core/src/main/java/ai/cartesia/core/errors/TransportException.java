package ai.cartesia.core.errors;

/** The request did not get a complete answer: the connection failed, dropped or timed out. */
public class TransportException extends SdkException {

  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
