// SMART discovery (SMART App Launch 2.x §"Conformance") and OpenID Connect discovery, computed from what the
// tenant has enabled rather than maintained by hand.
import type { TenantSettings } from "../settings/tenant-settings";
import { authorizationServerUrls } from "./endpoints";
import { ACCESS_SCOPES, IDENTITY_SCOPES, LAUNCH_SCOPES } from "./scopes";
import { SUPPORTED_RESOURCE_TYPES } from "./supported-resources";

const AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"];

function scopesSupported(settings: TenantSettings): string[] {
  const resources = SUPPORTED_RESOURCE_TYPES.flatMap((type) => [`patient/${type}.read`, `patient/${type}.rs`]);
  return [
    ...LAUNCH_SCOPES,
    ...IDENTITY_SCOPES.filter((s) => s !== "profile"),
    ...ACCESS_SCOPES,
    ...(settings.wildcardScopesAllowed ? ["patient/*.read", "patient/*.rs"] : []),
    ...resources,
  ];
}

/** What both discovery documents say about the server's endpoints and methods. */
function serverMetadata(tenantId: string, settings: TenantSettings) {
  const urls = authorizationServerUrls(tenantId);
  return {
    // Required: where tokens come from and who signs them.
    issuer: urls.issuer,
    jwks_uri: urls.jwks,
    authorization_endpoint: urls.authorize,
    token_endpoint: urls.token,
    // Optional endpoints this server implements.
    revocation_endpoint: urls.revoke,
    introspection_endpoint: urls.introspect,
    registration_endpoint: urls.register,
    response_types_supported: ["code"],
    // Required: S256 only, never plain.
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: AUTH_METHODS,
    // RFC 9207: authorization responses carry iss (a tenant setting turns it off for vendor parity).
    authorization_response_iss_parameter_supported: settings.authorizationResponseIss,
  };
}

export function smartConfiguration(tenantId: string, settings: TenantSettings) {
  return {
    ...serverMetadata(tenantId, settings),
    management_endpoint: authorizationServerUrls(tenantId).manage,
    grant_types_supported: ["authorization_code", "refresh_token"],
    scopes_supported: scopesSupported(settings),
    capabilities: [
      "launch-standalone",
      "client-public",
      "client-confidential-symmetric",
      "context-standalone-patient",
      "permission-patient",
      "permission-offline",
      "permission-online",
      "permission-v1",
      "permission-v2",
      "sso-openid-connect",
      "context-banner",
      "context-style",
    ],
  };
}

export function openidConfiguration(tenantId: string, settings: TenantSettings) {
  return {
    ...serverMetadata(tenantId, settings),
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    scopes_supported: ["openid", "fhirUser", ...scopesSupported(settings).filter((s) => s !== "openid" && s !== "fhirUser")],
    claims_supported: ["iss", "sub", "aud", "exp", "iat", "nonce", "fhirUser"],
  };
}
