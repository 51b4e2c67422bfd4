// OAuth 2.0 errors named after their RFC codes (RFC 6749 §4.1.2.1, §5.2; RFC 7591 §3.2.2; RFC 7009).
// `description` is safe to show a client (only sent when the tenant turns error_description on);
// `detail` goes to the activity log and the error_uri page, never into the response body.

export class OAuthError extends Error {
  status = 400;
  error = "invalid_request";
  /** Overrides the error_uri URN (e.g. a suspended vs a revoked grant). */
  urn?: string;
  grantId?: string;
  constructor(
    readonly description: string,
    readonly detail?: string,
  ) {
    super(description);
  }
}

export class InvalidRequest extends OAuthError {
  override error = "invalid_request";
}
export class InvalidClient extends OAuthError {
  override status = 401;
  override error = "invalid_client";
}
export class InvalidGrant extends OAuthError {
  override error = "invalid_grant";
}
export class UnauthorizedClient extends OAuthError {
  override error = "unauthorized_client";
}
export class UnsupportedGrantType extends OAuthError {
  override error = "unsupported_grant_type";
}
export class UnsupportedResponseType extends OAuthError {
  override error = "unsupported_response_type";
}
export class InvalidScope extends OAuthError {
  override error = "invalid_scope";
}
export class AccessDenied extends OAuthError {
  override status = 403;
  override error = "access_denied";
}
export class InvalidRedirectUri extends OAuthError {
  override error = "invalid_redirect_uri";
}
export class InvalidClientMetadata extends OAuthError {
  override error = "invalid_client_metadata";
}
export class UnsupportedMediaType extends OAuthError {
  override status = 415;
  override error = "invalid_request";
}
/** No such tenant (or issuer) on this server: 404 with the RFC error body. */
export class UnknownTenant extends OAuthError {
  override status = 404;
  override error = "invalid_request";
}
export class ServerError extends OAuthError {
  override status = 500;
  override error = "server_error";
}
/** A refresh sooner than the tenant's `refreshMinIntervalSeconds` allows: 429 with Retry-After, like a throttled call. */
export class TooManyRequests extends OAuthError {
  override status = 429;
  override error = "temporarily_unavailable";
  constructor(
    description: string,
    readonly retryAfterSeconds: number,
    detail?: string,
  ) {
    super(description, detail);
  }
}
