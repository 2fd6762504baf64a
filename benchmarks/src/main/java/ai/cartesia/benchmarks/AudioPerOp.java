package ai.cartesia.benchmarks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many bytes of audio one operation of the benchmark delivers to its user, so that the
 * results table can derive the audio throughput from the mean time per operation and the number
 * of threads (each thread delivers one chunk per operation, one after the other): {@code threads
 * * bytes / mean time}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AudioPerOp {
  /** Audio bytes delivered by one operation. */
  int bytes();
}
