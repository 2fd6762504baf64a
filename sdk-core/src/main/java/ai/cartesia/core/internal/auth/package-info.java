/**
 * Not API: how a generated client sends the credentials its API definition declares (API keys in
 * a header, the query or a cookie; bearer tokens; basic credentials), chosen per operation.
 * Anything here may change in any release.
 */
package ai.cartesia.core.internal.auth;
