// Every public URL of a tenant, built from PUBLIC_URL so that discovery, tokens and error_uris agree.
import { publicUrl } from "../config/environment";

export function fhirBaseUrl(tenantId: string, origin = publicUrl()): string {
  return `${origin}/r4/${tenantId}`;
}

export function smartConfigurationUrl(tenantId: string, origin = publicUrl()): string {
  return `${fhirBaseUrl(tenantId, origin)}/.well-known/smart-configuration`;
}

export function oauthBaseUrl(tenantId: string, origin = publicUrl()): string {
  return `${origin}/tenants/${tenantId}/protocols/oauth2/profiles/smart-v1`;
}
