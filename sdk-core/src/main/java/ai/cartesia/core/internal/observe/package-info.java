/**
 * Not API: the SDK's logging and the dispatch of events to {@link
 * ai.cartesia.core.observe.CartesiaListener}s, used by the runtime only. It may change in any release.
 */
package ai.cartesia.core.internal.observe;
