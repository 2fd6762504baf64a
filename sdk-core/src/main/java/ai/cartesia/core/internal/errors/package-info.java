/**
 * Not API: the runtime that generated code calls. Anything here may change or go in any release;
 * applications use the public packages of {@code ai.cartesia.core} and the generated SDK instead.
 */
package ai.cartesia.core.internal.errors;
