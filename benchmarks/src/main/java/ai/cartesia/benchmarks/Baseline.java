package ai.cartesia.benchmarks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the baseline of a benchmark class: the results table ({@link
 * ai.cartesia.benchmarks.report.ResultsTable}) divides every other method's score by this one's,
 * measured in the same run with the same parameters and the same number of threads.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Baseline {}
