package ai.cartesia.core.internal.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The security requirement of a service method whose operation has one of its own: the
 * alternatives in order, each the ids of the schemes sent together, joined by {@code +} (such as
 * {@code "AppId+AppKey"}). Methods without it send what the API requires by default.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Auth {
  String[] value();
}
