package ai.cartesia.core.errors;

/** The root of every exception the SDK throws. */
public class SdkException extends RuntimeException {

  public SdkException(String message) {
    super(message);
  }

  public SdkException(String message, Throwable cause) {
    super(message, cause);
  }
}
