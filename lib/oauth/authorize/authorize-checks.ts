// The authorize request as a table of small checks run in order (cheap first). Until the client and its
// redirect URI are verified, a failure is shown as a page to the person; after that, it is redirected back
// to the app with error, error_uri and state (RFC 6749 §4.1.2.1).
import type { Db } from "../../db/client";
import type { TenantSettings } from "../../settings/tenant-settings";
import { authorizationServerUrls } from "../endpoints";
import { InvalidRequest, InvalidScope, OAuthError, UnauthorizedClient, UnsupportedResponseType } from "../errors";
import type { Parameters } from "../form-parameters";
import { scopeProblems, scopesOutsideRegistration, splitScope } from "../scopes";

export const AUTHORIZE_PARAMETERS = [
  "response_type",
  "client_id",
  "redirect_uri",
  "scope",
  "state",
  "aud",
  "code_challenge",
  "code_challenge_method",
  "launch",
  "nonce",
  "login_hint",
] as const;

export interface ValidatedAuthorization {
  clientId: string;
  clientName: string;
  /** The redirect URI to send the patient back to (exactly as given, or the only registered one). */
  redirectUri: string;
  /** Whether redirect_uri was in the request; the token request must then repeat it. */
  redirectUriGiven: boolean;
  scope: string[];
  state: string;
  aud: string;
  codeChallenge: string | null;
  nonce: string | null;
}

/** Raised before the redirect URI is trusted: render a page, never redirect. */
export class AuthorizePageError extends Error {
  constructor(readonly error: OAuthError) {
    super(error.description);
  }
}

/** Raised after the redirect URI is verified: redirect back to the app. */
export class AuthorizeRedirectError extends Error {
  constructor(
    readonly error: OAuthError,
    readonly redirectUri: string,
    readonly state: string | null,
    readonly clientId: string,
  ) {
    super(error.description);
  }
}

const LOOPBACK_IP_HOSTS = new Set(["127.0.0.1", "[::1]"]);

/**
 * RFC 8252 §7.3: a native app's loopback IP redirect (http://127.0.0.1 or http://[::1]) matches on any port,
 * because the app picks a free port at run time. Everything else about the URI must still be identical.
 */
function withoutLoopbackPort(uri: string): string {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return uri;
  }
  if (url.protocol !== "http:" || !LOOPBACK_IP_HOSTS.has(url.hostname) || !url.port) return uri;
  const authority = `${url.protocol}//${url.host}`;
  return uri.startsWith(authority) ? `${url.protocol}//${url.hostname}${uri.slice(authority.length)}` : uri;
}

/** Exact match: the registered URI itself, or it followed by an extra query when it has none of its own; loopback IPs on any port. */
export function matchesRegisteredRedirectUri(given: string, registered: readonly string[]): boolean {
  const candidate = withoutLoopbackPort(given);
  return registered
    .map(withoutLoopbackPort)
    .some(
      (uri) =>
        candidate === uri || (!uri.includes("?") && !uri.includes("#") && candidate.startsWith(`${uri}?`) && !candidate.includes("#")),
    );
}

interface CheckState {
  db: Db;
  tenantId: string;
  settings: TenantSettings;
  parameters: Parameters;
  client?: { id: string; clientName: string; redirectUris: string[]; public: boolean; grantTypes: string[]; scope: string };
  redirectUri?: string;
}

type Check = (state: CheckState) => Promise<void> | void;

/** Rules: client_id present; the client exists in this tenant and may use the authorization code flow. */
const checkClient: Check = async (state) => {
  const clientId = state.parameters.client_id;
  if (!clientId) throw new InvalidRequest("client_id is missing");
  const client = await state.db.client.findUnique({ where: { id: clientId } });
  if (!client || client.tenantId !== state.tenantId) throw new InvalidRequest(`no app with client_id "${clientId}" is registered here`);
  const grantTypes = client.grantTypes as string[];
  if (!grantTypes.includes("authorization_code"))
    throw new UnauthorizedClient("this app is not registered for the authorization code flow");
  state.client = {
    id: client.id,
    clientName: client.clientName,
    redirectUris: client.redirectUris as string[],
    public: client.tokenEndpointAuthMethod === "none",
    grantTypes,
    scope: client.scope,
  };
};

/** Rules: redirect_uri matches a registered one exactly (query allowed); optional only when exactly one is registered. */
const checkRedirectUri: Check = (state) => {
  const registered = state.client!.redirectUris;
  const given = state.parameters.redirect_uri;
  if (!given) {
    if (registered.length !== 1) throw new InvalidRequest("redirect_uri is required because the app registered several");
    state.redirectUri = registered[0];
    return;
  }
  if (!matchesRegisteredRedirectUri(given, registered))
    throw new InvalidRequest("redirect_uri does not match any redirect URI registered for this app");
  state.redirectUri = given;
};

/** Rules: response_type=code only. */
const checkResponseType: Check = ({ parameters }) => {
  if (!parameters.response_type) throw new InvalidRequest("response_type is missing");
  if (parameters.response_type !== "code")
    throw new UnsupportedResponseType(`response_type "${parameters.response_type}" is not supported; use code`);
};

/** Rules: state is required (the vendor requires it). */
const checkState: Check = ({ parameters }) => {
  if (!parameters.state) throw new InvalidRequest("state is missing");
};

/** Rules: no EHR launch (`launch` parameter) — this sandbox does standalone patient launch only. */
const checkLaunch: Check = ({ parameters }) => {
  if (parameters.launch)
    throw new InvalidRequest("EHR launch (the launch parameter) is not supported; use standalone launch with launch/patient");
};

/** Rules: aud is required and equals this tenant's FHIR base URL. */
const checkAudience: Check = ({ parameters, tenantId }) => {
  if (!parameters.aud) throw new InvalidRequest("aud is missing; send the FHIR base URL");
  const expected = authorizationServerUrls(tenantId).fhirBase;
  if (parameters.aud.replace(/\/$/, "") !== expected) throw new InvalidRequest(`aud must be this server's FHIR base URL ${expected}`);
};

/**
 * Rules: scope present, every scope known to the patient persona, no wildcards unless the setting allows them,
 * and every scope within the app's registration (refused, not narrowed, so the developer sees why).
 */
const checkScope: Check = ({ parameters, settings, client }) => {
  const scopes = splitScope(parameters.scope);
  if (scopes.length === 0) throw new InvalidScope("scope is missing");
  const problems = scopeProblems(scopes, settings);
  if (problems.length) throw new InvalidScope(problems.map((p) => `${p.scope}: ${p.reason}`).join("; "));
  const unregistered = scopesOutsideRegistration(scopes, splitScope(client!.scope));
  if (unregistered.length) throw new InvalidScope(`not in the app's registered scope: ${unregistered.join(" ")}`);
};

/** Rules: PKCE S256 only (plain refused); required for public clients unless the setting turns it off. */
const checkPkce: Check = ({ parameters, settings, client }) => {
  const { code_challenge: challenge, code_challenge_method: method } = parameters;
  if (!challenge) {
    if (method) throw new InvalidRequest("code_challenge_method given without code_challenge");
    if (client!.public && settings.pkceRequired)
      throw new InvalidRequest("PKCE is required: send code_challenge and code_challenge_method=S256");
    return;
  }
  if (method !== "S256")
    throw new InvalidRequest(
      method ? `code_challenge_method "${method}" is not supported; use S256` : "code_challenge_method=S256 is required",
    );
  if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) throw new InvalidRequest("code_challenge must be a base64url SHA-256 hash (43 characters)");
};

const BEFORE_REDIRECT_URI_IS_TRUSTED: Check[] = [checkClient, checkRedirectUri];
const AFTER_REDIRECT_URI_IS_TRUSTED: Check[] = [checkResponseType, checkState, checkLaunch, checkAudience, checkScope, checkPkce];

export async function validateAuthorizeRequest(
  db: Db,
  tenantId: string,
  settings: TenantSettings,
  parameters: Parameters,
): Promise<ValidatedAuthorization> {
  const state: CheckState = { db, tenantId, settings, parameters };
  for (const check of BEFORE_REDIRECT_URI_IS_TRUSTED) {
    try {
      await check(state);
    } catch (error) {
      throw error instanceof OAuthError ? new AuthorizePageError(error) : error;
    }
  }
  for (const check of AFTER_REDIRECT_URI_IS_TRUSTED) {
    try {
      await check(state);
    } catch (error) {
      throw error instanceof OAuthError
        ? new AuthorizeRedirectError(error, state.redirectUri!, parameters.state ?? null, state.client!.id)
        : error;
    }
  }
  return {
    clientId: state.client!.id,
    clientName: state.client!.clientName,
    redirectUri: state.redirectUri!,
    redirectUriGiven: !!parameters.redirect_uri,
    scope: splitScope(parameters.scope),
    state: parameters.state!,
    aud: parameters.aud!,
    codeChallenge: parameters.code_challenge ?? null,
    nonce: parameters.nonce ?? null,
  };
}

/** Appends response parameters to a redirect URI, keeping its own query. */
export function redirectWith(redirectUri: string, parameters: Record<string, string | null | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(parameters)) if (value) url.searchParams.set(name, value);
  return url.toString();
}
