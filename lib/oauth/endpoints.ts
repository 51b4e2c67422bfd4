// The URLs of a tenant's authorization server, mirroring the shape of the vendor's service (DESIGN §2).
import { publicUrl } from "../config/environment";
import { fhirBaseUrl, oauthBaseUrl } from "../tenancy/urls";

export interface AuthorizationServerUrls {
  issuer: string;
  authorize: string;
  token: string;
  revoke: string;
  introspect: string;
  jwks: string;
  register: string;
  manage: string;
  fhirBase: string;
  smartStyle: string;
}

export function authorizationServerUrls(tenantId: string, origin = publicUrl()): AuthorizationServerUrls {
  const oauth = oauthBaseUrl(tenantId, origin);
  return {
    issuer: `${origin}/tenants/${tenantId}/oidc/idsps/${tenantId}/`,
    authorize: `${oauth}/personas/patient/authorize`,
    token: `${oauth}/token`,
    revoke: `${oauth}/token/revoke`,
    introspect: `${oauth}/tokeninfo`,
    jwks: `${oauth}/jwk`,
    register: `${oauth}/register`,
    manage: `${origin}/tenants/${tenantId}/personas/patient/my-authorizations`,
    fhirBase: fhirBaseUrl(tenantId, origin),
    smartStyle: `${oauth}/smart-style.json`,
  };
}
