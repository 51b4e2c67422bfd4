// A PKCE SMART client for tests: discovery from a FHIR base, authorize URLs, code exchange, refresh, revocation,
// introspection and FHIR reads. Written against the HTTP interface only, the way a real app talks to the sandbox.
// Token-endpoint calls other than `exchangeCode` return the raw answer so tests can assert on errors.
import { createHash, randomBytes } from "node:crypto";
import { joinUrl, toHttpResult, type HttpResult, type OAuthErrorBody, type TokenEndpointBody, type TokenResponse } from "./types.js";

/** `.well-known/smart-configuration`; only the fields tests rely on are typed. */
export interface SmartConfiguration {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri?: string;
  revocation_endpoint?: string;
  introspection_endpoint?: string;
  registration_endpoint?: string;
  management_endpoint?: string;
  code_challenge_methods_supported?: string[];
  authorization_response_iss_parameter_supported?: boolean;
  scopes_supported?: string[];
  capabilities?: string[];
  [field: string]: unknown;
}

export interface PkcePair {
  verifier: string;
  challenge: string;
}

/** A fresh PKCE S256 pair. */
export function pkcePair(): PkcePair {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export interface AuthorizeUrlOptions {
  clientId: string;
  redirectUri: string;
  scope: string;
  /** Default: a random value. */
  state?: string;
  /** With a tenant created with `autoLogin: true`, signs that username in without a password. */
  loginHint?: string;
  /** Default: the FHIR base the client was discovered from. */
  aud?: string;
  /** Any other parameter (e.g. `nonce`), or an override of the ones above. */
  extra?: Record<string, string>;
}

export interface AuthorizeRequest {
  url: string;
  state: string;
  verifier: string;
  challenge: string;
}

export interface ClientCredentials {
  clientId?: string;
  /** For a confidential client. */
  clientSecret?: string;
  /** How the secret is sent; default `client_secret_basic`. */
  authMethod?: "client_secret_basic" | "client_secret_post";
}

export interface ExchangeCodeOptions extends ClientCredentials {
  clientId: string;
  code: string;
  redirectUri: string;
  verifier: string;
}

export interface RefreshOptions extends ClientCredentials {
  refreshToken: string;
  /** Narrow the scope (never widen). */
  scope?: string;
}

export interface TokenManagementOptions extends ClientCredentials {
  clientId: string;
  token: string;
  tokenTypeHint?: "refresh_token" | "access_token";
}

/** A token endpoint refusal thrown by `exchangeCode`. */
export class TokenEndpointError extends Error {
  override readonly name = "TokenEndpointError";
  constructor(readonly result: HttpResult<TokenEndpointBody>) {
    super(`token endpoint answered ${result.status}: ${JSON.stringify(result.body)}`);
  }
  get error(): string | undefined {
    return this.result.body?.error;
  }
  get errorUri(): string | undefined {
    return this.result.body?.error_uri;
  }
}

export class SmartClient {
  constructor(
    /** The FHIR base, e.g. http://localhost:3200/r4/<tenantId>; also the `aud` of authorize requests. */
    readonly fhirBase: string,
    readonly configuration: SmartConfiguration,
  ) {}

  /** Reads `{fhirBase}/.well-known/smart-configuration`. */
  static async discover(fhirBase: string): Promise<SmartClient> {
    const base = fhirBase.replace(/\/+$/, "");
    const url = `${base}/.well-known/smart-configuration`;
    const result = await toHttpResult<SmartConfiguration>(await fetch(url, { headers: { Accept: "application/json" } }));
    if (!result.ok || typeof result.body !== "object" || result.body === null) {
      throw new Error(`SMART discovery at ${url} answered ${result.status}: ${JSON.stringify(result.body)}`);
    }
    for (const field of ["authorization_endpoint", "token_endpoint"] as const) {
      if (typeof result.body[field] !== "string") throw new Error(`SMART discovery at ${url} has no ${field}`);
    }
    return new SmartClient(base, result.body);
  }

  /** An authorize URL with PKCE S256, `state` and `aud`. Keep `state` and `verifier` for the callback. */
  authorizeUrl(options: AuthorizeUrlOptions): AuthorizeRequest {
    const { verifier, challenge } = pkcePair();
    const state = options.state ?? randomBytes(12).toString("base64url");
    const query = new URLSearchParams({
      response_type: "code",
      client_id: options.clientId,
      redirect_uri: options.redirectUri,
      scope: options.scope,
      state,
      aud: options.aud ?? this.fhirBase,
      code_challenge: challenge,
      code_challenge_method: "S256",
      ...(options.loginHint ? { login_hint: options.loginHint } : {}),
      ...options.extra,
    });
    const endpoint = this.configuration.authorization_endpoint;
    return { url: `${endpoint}${endpoint.includes("?") ? "&" : "?"}${query}`, state, verifier, challenge };
  }

  /** Any token request, raw. */
  async tokenRequest(
    parameters: Record<string, string | undefined>,
    credentials: ClientCredentials = {},
  ): Promise<HttpResult<TokenEndpointBody>> {
    return this.#post<TokenEndpointBody>(this.configuration.token_endpoint, parameters, credentials);
  }

  /** Exchanges a code; throws `TokenEndpointError` when refused (use `exchangeCodeRaw` to assert on refusals). */
  async exchangeCode(options: ExchangeCodeOptions): Promise<TokenResponse> {
    const result = await this.exchangeCodeRaw(options);
    if (!result.ok) throw new TokenEndpointError(result);
    return result.body as TokenResponse;
  }

  exchangeCodeRaw(options: ExchangeCodeOptions): Promise<HttpResult<TokenEndpointBody>> {
    return this.tokenRequest(
      { grant_type: "authorization_code", code: options.code, redirect_uri: options.redirectUri, code_verifier: options.verifier },
      options,
    );
  }

  /**
   * `grant_type=refresh_token`. Returns `{status, body, headers}`: a suspended or revoked grant is
   * `400 {"error":"invalid_grant","error_uri"}`. A public client may leave out `clientId`.
   */
  refresh(options: RefreshOptions): Promise<HttpResult<TokenEndpointBody>> {
    return this.tokenRequest({ grant_type: "refresh_token", refresh_token: options.refreshToken, scope: options.scope }, options);
  }

  /** RFC 7009 revocation (needs `clientId`); a refresh token revokes its whole grant. */
  revoke(options: TokenManagementOptions): Promise<HttpResult<Record<string, unknown> | OAuthErrorBody>> {
    const endpoint = this.configuration.revocation_endpoint;
    if (!endpoint) throw new Error("the SMART configuration names no revocation_endpoint");
    return this.#post(endpoint, { token: options.token, token_type_hint: options.tokenTypeHint }, options);
  }

  /** RFC 7662 introspection (needs `clientId`). */
  introspect(options: TokenManagementOptions): Promise<HttpResult<Record<string, unknown>>> {
    const endpoint = this.configuration.introspection_endpoint;
    if (!endpoint) throw new Error("the SMART configuration names no introspection_endpoint");
    return this.#post(endpoint, { token: options.token, token_type_hint: options.tokenTypeHint }, options);
  }

  /** `GET {fhirBase}/{path}` (or an absolute URL) with the Bearer access token. */
  async fhir<T = Record<string, unknown>>(
    path: string,
    accessToken: string,
    init: { headers?: Record<string, string> } = {},
  ): Promise<HttpResult<T>> {
    const response = await fetch(joinUrl(this.fhirBase, path), {
      headers: { Accept: "application/fhir+json", Authorization: `Bearer ${accessToken}`, ...init.headers },
    });
    return toHttpResult<T>(response);
  }

  async #post<T>(url: string, parameters: Record<string, string | undefined>, credentials: ClientCredentials): Promise<HttpResult<T>> {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(parameters)) if (value !== undefined) form.set(key, value);
    const headers: Record<string, string> = { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" };
    const { clientId, clientSecret, authMethod = "client_secret_basic" } = credentials;
    if (clientSecret && clientId && authMethod === "client_secret_basic") {
      // RFC 6749 §2.3.1: form-urlencode both parts before Base64.
      headers.Authorization = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString("base64")}`;
    } else {
      if (clientId) form.set("client_id", clientId);
      if (clientSecret) form.set("client_secret", clientSecret);
    }
    return toHttpResult<T>(await fetch(url, { method: "POST", headers, body: form }));
  }
}
