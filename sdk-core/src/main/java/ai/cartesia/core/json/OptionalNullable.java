package ai.cartesia.core.json;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A value that may be absent, explicitly null, or present: the three states a nullable optional
 * JSON property has. A PATCH request tells "leave it alone" (absent) from "clear it" (null).
 */
public final class OptionalNullable<T> {

  private static final OptionalNullable<?> ABSENT = new OptionalNullable<>(State.ABSENT, null);
  private static final OptionalNullable<?> NULL = new OptionalNullable<>(State.NULL, null);

  private enum State {
    ABSENT,
    NULL,
    PRESENT
  }

  private final State state;
  private final T value;

  private OptionalNullable(State state, T value) {
    this.state = state;
    this.value = value;
  }

  @SuppressWarnings("unchecked")
  public static <T> OptionalNullable<T> absent() {
    return (OptionalNullable<T>) ABSENT;
  }

  @SuppressWarnings("unchecked")
  public static <T> OptionalNullable<T> ofNull() {
    return (OptionalNullable<T>) NULL;
  }

  public static <T> OptionalNullable<T> of(T value) {
    return new OptionalNullable<>(State.PRESENT, Objects.requireNonNull(value, "value"));
  }

  /** Present if the value is not null, explicitly null otherwise. */
  public static <T> OptionalNullable<T> ofNullable(T value) {
    return value == null ? ofNull() : of(value);
  }

  public boolean isAbsent() {
    return state == State.ABSENT;
  }

  public boolean isNull() {
    return state == State.NULL;
  }

  public boolean isPresent() {
    return state == State.PRESENT;
  }

  public T get() {
    if (state != State.PRESENT) throw new NoSuchElementException("no value: " + this);
    return value;
  }

  /** The value if present; empty when absent or null. */
  public Optional<T> toOptional() {
    return Optional.ofNullable(value);
  }

  public <U> OptionalNullable<U> map(Function<? super T, ? extends U> mapper) {
    return state == State.PRESENT ? of(mapper.apply(value)) : absentOrNull();
  }

  @SuppressWarnings("unchecked")
  private <U> OptionalNullable<U> absentOrNull() {
    return (OptionalNullable<U>) this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OptionalNullable<?> that
        && that.state == state
        && Objects.equals(that.value, value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(state, value);
  }

  @Override
  public String toString() {
    return switch (state) {
      case ABSENT -> "absent";
      case NULL -> "null";
      case PRESENT -> String.valueOf(value);
    };
  }
}
