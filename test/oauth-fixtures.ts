// Test fixtures for the authorization server: a registered app and an approved grant with its code,
// created through the same domain functions the pages use (no browser), plus token endpoint helpers.
import { createHash, randomBytes } from "node:crypto";
import { db } from "../lib/db/client";
import { registerApp } from "../lib/apps/register-app";
import { approveAuthorizationRequest, startAuthorizationRequest } from "../lib/oauth/authorize/authorization-requests";
import { DEFAULT_TENANT } from "../lib/personas/personas";
import { POST as tokenRoute } from "../app/(authorization-server)/tenants/[tenant]/protocols/oauth2/profiles/smart-v1/token/route";
import { POST as revokeRoute } from "../app/(authorization-server)/tenants/[tenant]/protocols/oauth2/profiles/smart-v1/token/revoke/route";
import { POST as introspectRoute } from "../app/(authorization-server)/tenants/[tenant]/protocols/oauth2/profiles/smart-v1/tokeninfo/route";

export const TENANT = DEFAULT_TENANT.id;
export const ORIGIN = "http://localhost:3999";
export const FHIR_BASE = `${ORIGIN}/r4/${TENANT}`;
export const REDIRECT_URI = "https://qa-app.example.com/callback";
export const SCOPE = "launch/patient openid fhirUser offline_access patient/Patient.read patient/Observation.read";
const OAUTH = `${ORIGIN}/tenants/${TENANT}/protocols/oauth2/profiles/smart-v1`;
const tenantParams = { params: Promise.resolve({ tenant: TENANT }) };

export async function newApp(overrides: Record<string, unknown> = {}) {
  return registerApp(db, TENANT, {
    client_name: "Route Test App",
    redirect_uris: [REDIRECT_URI],
    token_endpoint_auth_method: "none",
    scope: SCOPE,
    organization: { name: "Route Test Co", country: "US", state: "MO", locality: "Kansas City" },
    ...overrides,
  });
}

export function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** An approved authorization for Ava Rivera: returns the code and the PKCE verifier. */
export async function approvedCode(
  clientId: string,
  options: { scope?: string; personId?: string; patientId?: string; withPkce?: boolean; redirectUri?: string } = {},
) {
  const { verifier, challenge } = pkce();
  const scope = (options.scope ?? SCOPE).split(" ");
  const requestId = await startAuthorizationRequest(db, TENANT, {
    clientId,
    clientName: "Route Test App",
    redirectUri: options.redirectUri ?? REDIRECT_URI,
    redirectUriGiven: true,
    scope,
    state: "s",
    aud: FHIR_BASE,
    codeChallenge: options.withPkce === false ? null : challenge,
    nonce: null,
  });
  const session = await db.loginSession.create({
    data: {
      id: `session-${requestId}`,
      tokenHash: `hash-${requestId}`,
      tenantId: TENANT,
      personId: options.personId ?? "person-ava-rivera",
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  const location = await approveAuthorizationRequest(db, {
    tenantId: TENANT,
    requestId,
    personId: options.personId ?? "person-ava-rivera",
    patientId: options.patientId ?? "ava-rivera",
    loginSessionId: session.id,
    keptScopes: scope,
  });
  return { code: new URL(location).searchParams.get("code")!, verifier, sessionId: session.id };
}

function form(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

export const tokenRequest = (fields: Record<string, string>, headers?: Record<string, string>) =>
  tokenRoute(form(`${OAUTH}/token`, fields, headers), tenantParams);
export const rawTokenRequest = (request: Request) => tokenRoute(request, tenantParams);
export const revokeRequest = (fields: Record<string, string>, headers?: Record<string, string>) =>
  revokeRoute(form(`${OAUTH}/token/revoke`, fields, headers), tenantParams);
export const introspectRequest = (fields: Record<string, string>, headers?: Record<string, string>) =>
  introspectRoute(form(`${OAUTH}/tokeninfo`, fields, headers), tenantParams);

/** Exchanges a fresh approved code and returns the token response body. */
export async function tokensFor(clientId: string, options: Parameters<typeof approvedCode>[1] = {}) {
  const { code, verifier, sessionId } = await approvedCode(clientId, options);
  const response = await tokenRequest({
    grant_type: "authorization_code",
    code,
    redirect_uri: options.redirectUri ?? REDIRECT_URI,
    code_verifier: verifier,
    client_id: clientId,
  });
  if (response.status !== 200) throw new Error(`code exchange failed: ${await response.text()}`);
  return { ...(await response.json()), sessionId } as {
    access_token: string;
    refresh_token: string;
    scope: string;
    patient: string;
    sessionId: string;
  };
}

export const refreshWith = (clientId: string, refreshToken: string, extra: Record<string, string> = {}) =>
  tokenRequest({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId, ...extra });
