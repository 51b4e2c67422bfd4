// A tiny SMART client for tests: register a throwaway app, build authorize URLs with PKCE, exchange codes,
// refresh. Deliberately written against the HTTP interface only, the way a QA script would.
import { createHash, randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { DEFAULT_TENANT_ID, E2E_BASE_URL, FHIR_BASE_URL } from "./e2e-environment";

export const OAUTH_BASE = `${E2E_BASE_URL}/tenants/${DEFAULT_TENANT_ID}/protocols/oauth2/profiles/smart-v1`;
export const TOKEN_URL = `${OAUTH_BASE}/token`;
export const QA_REDIRECT_URI = "https://qa-app.example.com/callback";
export const QA_SCOPES =
  "launch/patient openid fhirUser offline_access patient/Patient.read patient/Observation.read patient/MedicationRequest.read";

export interface RegisteredClient {
  client_id: string;
  client_secret?: string;
}

export async function registerClient(request: APIRequestContext, overrides: Record<string, unknown> = {}): Promise<RegisteredClient> {
  const response = await request.post(`${OAUTH_BASE}/register`, {
    data: {
      client_name: "QA Throwaway App",
      redirect_uris: [QA_REDIRECT_URI],
      token_endpoint_auth_method: "none",
      scope: QA_SCOPES,
      organization: { name: "QA Health Inc.", country: "US", state: "CA", locality: "San Diego" },
      ...overrides,
    },
  });
  if (response.status() !== 201) throw new Error(`registration failed: ${response.status()} ${await response.text()}`);
  return response.json();
}

export function pkcePair() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export function authorizeUrl(
  clientId: string,
  options: { challenge: string; state?: string; scope?: string; extra?: Record<string, string> },
): string {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: QA_REDIRECT_URI,
    scope: options.scope ?? QA_SCOPES,
    state: options.state ?? "qa-state-123",
    aud: FHIR_BASE_URL,
    code_challenge: options.challenge,
    code_challenge_method: "S256",
    ...options.extra,
  });
  return `${OAUTH_BASE}/personas/patient/authorize?${query}`;
}

export async function exchangeCode(request: APIRequestContext, clientId: string, code: string, verifier: string) {
  return request.post(TOKEN_URL, {
    form: { grant_type: "authorization_code", code, redirect_uri: QA_REDIRECT_URI, code_verifier: verifier, client_id: clientId },
  });
}

export async function refresh(request: APIRequestContext, clientId: string, refreshToken: string) {
  return request.post(TOKEN_URL, { form: { grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId } });
}
