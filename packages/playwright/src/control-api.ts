// A small typed client for the sandbox's control API (`/api/sandbox/…`). Its request and answer types are generated
// from the sandbox's OpenAPI document (npm run kit:types in the sandbox repository), so they follow the routes' own
// validation schemas. Every per-tenant call names its tenant in the PATH (`/api/sandbox/tenants/{t}/…`), the one
// documented way; an unscoped client acts on the default tenant through that same path.
import type { paths } from "./generated/control-api.js";
import { DEFAULT_TENANT_ID, joinUrl, toHttpResult, type HttpResult, type TokenResponse } from "./types.js";

// ——— Types generated from the sandbox's OpenAPI document (src/generated/control-api.ts) ——————————————————————

type Operation<P extends keyof paths, M extends "get" | "post" | "patch" | "delete"> = NonNullable<paths[P][M]>;
type JsonBody<P extends keyof paths, M extends "get" | "post" | "patch" | "delete"> =
  Operation<P, M> extends { requestBody: { content: { "application/json": infer B } } } ? B : never;
type JsonAnswer<P extends keyof paths, M extends "get" | "post" | "patch" | "delete", S extends number> =
  Operation<P, M> extends { responses: { [K in S]: { content: { "application/json": infer A } } } } ? A : never;

// ——— Tenants ———————————————————————————————————————————————————————————————————————————————————————

export type SuspensionPolicy = TenantSettings["suspensionPolicy"];

/** Per-tenant settings, as GET …/settings answers them. */
export type TenantSettings = JsonAnswer<"/api/sandbox/tenants/{tenant}/settings", "get", 200>;

export type Tenant = JsonAnswer<"/api/sandbox/tenants/{tenant}", "get", 200>;
export type TenantPatient = Tenant["patients"][number];
export type TenantAccount = Tenant["accounts"][number];
export type CreateTenantOptions = JsonBody<"/api/sandbox/tenants", "post">;

// ——— Clock, events, trust ————————————————————————————————————————————————————————————————————————

export type ClockState = JsonAnswer<"/api/sandbox/tenants/{tenant}/clock", "get", 200>;
export type ClockChange = JsonBody<"/api/sandbox/tenants/{tenant}/clock", "post">;
export type EventsQuery = NonNullable<Operation<"/api/sandbox/tenants/{tenant}/events", "get">["parameters"]["query"]>;
export type EventsPage = JsonAnswer<"/api/sandbox/tenants/{tenant}/events", "get", 200>;
export type SandboxEvent = EventsPage["events"][number];
/** One kept HTTP exchange (Raw HTTP): every token, code, secret, password and cookie already `[redacted]`. */
export type HttpExchange = JsonAnswer<"/api/sandbox/tenants/{tenant}/exchanges/{correlationId}", "get", 200>["exchange"];
/** A HAR 1.2 file (the fields the sandbox writes). */
export interface Har {
  log: {
    version: "1.2";
    creator: { name: string; version: string };
    comment?: string;
    entries: {
      startedDateTime: string;
      time: number;
      request: { method: string; url: string; headers: { name: string; value: string }[]; postData?: { mimeType: string; text: string } };
      response: {
        status: number;
        statusText: string;
        headers: { name: string; value: string }[];
        content: { mimeType: string; text: string };
        redirectURL: string;
      };
      comment?: string;
    }[];
  };
}

export const SCENARIO_NAMES = [
  "certificate-expired",
  "certificate-renewed",
  "certificate-downgraded-dv",
  "certificate-organization-changed",
  "certificate-self-signed",
  "certificate-untrusted-issuer",
  "certificate-revoked",
  "certificate-hostname-mismatch",
  "tls-legacy-only",
  "dns-txt-removed",
  "dns-txt-wrong-client",
  "host-unreachable",
  "restore-baseline",
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface IdentityBlock {
  label: "verified" | "unknown";
  appName: string | null;
  organization: string | null;
  location: string | null;
  domain: string;
  validated: boolean;
}

export interface Finding {
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
}

export type TrustChange = Grant["changes"][number];

export interface TrustEvaluation {
  clientId: string;
  /** Where the facts came from: the app's simulated world, or its real server (live mode). */
  source: "simulated" | "live";
  checkedAt: string;
  facts: Record<string, unknown>;
  verdict: { label: "verified" | "unknown"; identity: IdentityBlock };
  findings: Finding[];
  snapshotHash: string;
  /** Present on answers to a scenario or a world edit. */
  changes?: TrustChange[];
}

export type WorldEdit = JsonBody<"/api/sandbox/tenants/{tenant}/apps/{clientId}/world", "patch">;

export type TrustSource = TrustEvaluation["source"];

/** The answer to switching an app's trust source: the evaluation from the new source, with what changed. */
export interface TrustSourceSwitch extends TrustEvaluation {
  previousSource: TrustSource;
  /** Active grants the tenant's suspension policy will pause at their next refresh. */
  wouldSuspend: number;
  changes: TrustChange[];
}

// ——— One-shot faults ——————————————————————————————————————————————————————————————————————————————

export type NextTokenAnswer = JsonBody<"/api/sandbox/tenants/{tenant}/apps/{clientId}/next-token", "post">["answer"];
export type NextAuthorizeAnswer = JsonBody<"/api/sandbox/tenants/{tenant}/apps/{clientId}/next-authorize", "post">["answer"];

export interface QueuedFault<A extends string = string> {
  clientId: string;
  endpoint: "token" | "authorize";
  answer: A;
  remaining: number;
}

// ——— Headless grants ——————————————————————————————————————————————————————————————————————————————

export type Grant = JsonAnswer<"/api/sandbox/tenants/{tenant}/grants/{grantId}", "get", 200>;
export type GrantStatus = Grant["status"];
export type ApproveGrantRequest = JsonBody<"/api/sandbox/tenants/{tenant}/grants", "post">;

export interface ApproveGrantResult {
  grant: Grant;
  /** With `issue: "code"`: single use, 60 s. */
  code?: string;
  redirect_uri?: string;
  /** When the server made the PKCE pair: exchange the code with it. */
  code_verifier?: string;
  /** With `issue: "tokens"`: the token endpoint's body as if the code had been exchanged. */
  tokens?: TokenResponse;
}

export type GrantsQuery = NonNullable<Operation<"/api/sandbox/tenants/{tenant}/grants", "get">["parameters"]["query"]>;

// ——— Registration and error_uri ————————————————————————————————————————————————————————————————————

export interface Organization {
  name: string;
  /** Two-letter country code, e.g. US. */
  country: string;
  state: string;
  locality: string;
}

/** RFC 7591 client metadata with the sandbox's extensions (organization, public_hostname, baseline, trust_source). */
export interface ClientRegistrationRequest {
  client_name: string;
  redirect_uris: string[];
  token_endpoint_auth_method?: "none" | "client_secret_basic" | "client_secret_post";
  scope?: string;
  grant_types?: ("authorization_code" | "refresh_token")[];
  response_types?: "code"[];
  organization?: Organization;
  public_hostname?: string;
  baseline?: { certificate_type?: "OV" | "DV"; txt_record?: boolean };
  /** `live`: trust checks look at the real host of the first redirect URI (which must be https). */
  trust_source?: "simulated" | "live";
  [metadata: string]: unknown;
}

export interface ClientRegistration {
  client_id: string;
  /** Only for confidential clients, and only in this answer. */
  client_secret?: string;
  client_id_issued_at: number;
  client_secret_expires_at?: number;
  client_name: string;
  redirect_uris: string[];
  scope: string;
  grant_types: string[];
  response_types: string[];
  token_endpoint_auth_method: string;
  organization?: Organization;
  public_hostname?: string;
  [metadata: string]: unknown;
}

/** `GET <error_uri>` with `Accept: application/json`. */
export interface ErrorDetails {
  urn: string;
  error: string;
  reason: string | null;
  correlationId: string;
  at: string;
  grant?: { id: string; status: GrantStatus };
}

// ——— Client —————————————————————————————————————————————————————————————————————————————————————————

/** A non-2xx answer of the control API (`{"error", "message", …}`) or of the registration endpoint. */
export class SandboxControlError extends Error {
  override readonly name = "SandboxControlError";
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${url} answered ${status}: ${typeof body === "string" ? body : JSON.stringify(body)}`);
  }

  /** The `error` code of the answer's body, when it has one. */
  get code(): string | undefined {
    return typeof this.body === "object" && this.body !== null && typeof (this.body as { error?: unknown }).error === "string"
      ? (this.body as { error: string }).error
      : undefined;
  }
}

export interface SandboxControlOptions {
  /** The sandbox's origin, e.g. http://localhost:3200 (a path prefix is kept). */
  baseURL: string;
  /** `SANDBOX_ADMIN_PASSWORD` when the sandbox has one; sent as `Authorization: Bearer …` to `/api/sandbox/…` only. */
  adminPassword?: string;
  /** The tenant per-tenant calls act on. Default: the seeded default tenant. */
  tenantId?: string;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export class SandboxControl {
  readonly baseURL: string;
  readonly tenantId: string;
  readonly #adminPassword: string | undefined;

  constructor(options: SandboxControlOptions) {
    if (!options.baseURL) throw new Error("SandboxControl needs a baseURL, e.g. http://localhost:3200");
    this.baseURL = options.baseURL.replace(/\/+$/, "");
    this.tenantId = options.tenantId ?? DEFAULT_TENANT_ID;
    this.#adminPassword = options.adminPassword || undefined;
  }

  /** The same client, acting on another tenant. */
  forTenant(tenantId: string): SandboxControl {
    return new SandboxControl({ baseURL: this.baseURL, adminPassword: this.#adminPassword, tenantId });
  }

  // ——— transport ———

  /** Sends a control-API request and returns the raw answer, whatever its status. */
  async raw<T = unknown>(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
    const url = joinUrl(this.baseURL, path);
    const sendsBody = body !== undefined;
    const response = await fetch(url, {
      method,
      headers: {
        Accept: "application/json",
        ...(sendsBody ? { "Content-Type": "application/json" } : {}),
        ...(this.#adminPassword ? { Authorization: `Bearer ${this.#adminPassword}` } : {}),
        ...headers,
      },
      body: sendsBody ? JSON.stringify(body) : undefined,
    }).catch((cause: unknown) => {
      throw new Error(`${method} ${url} failed: ${(cause as Error)?.cause ?? cause} (is the sandbox running at ${this.baseURL}?)`, {
        cause,
      });
    });
    return toHttpResult<T>(response);
  }

  async #call<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const result = await this.raw<T>(method, path, body);
    if (!result.ok) throw new SandboxControlError(method, joinUrl(this.baseURL, path), result.status, result.body);
    return result.body;
  }

  #tenantPath(suffix = "", tenantId = this.tenantId): string {
    return `/api/sandbox/tenants/${encodeURIComponent(tenantId)}${suffix}`;
  }

  // ——— global ———

  /** `GET /api/health` → `{status:"ok"}` (throws on 503). */
  health(): Promise<{ status: string }> {
    return this.#call("GET", "/api/health");
  }

  /** `GET /api/sandbox/scenarios`. */
  scenarios(): Promise<{ name: string; description: string }[]> {
    return this.#call("GET", "/api/sandbox/scenarios");
  }

  /** `GET /api/sandbox/openapi.json` (OpenAPI 3.1). */
  openapi(): Promise<Record<string, unknown>> {
    return this.#call("GET", "/api/sandbox/openapi.json");
  }

  // ——— tenants ———

  /** `POST /api/sandbox/tenants` → 201. The lockout is off unless `settings.loginLockoutFailures` is given. */
  createTenant(options: CreateTenantOptions = {}): Promise<Tenant> {
    return this.#call("POST", "/api/sandbox/tenants", options);
  }

  /** `GET /api/sandbox/tenants/{t}`. */
  getTenant(tenantId = this.tenantId): Promise<Tenant> {
    return this.#call("GET", this.#tenantPath("", tenantId));
  }

  /** `DELETE /api/sandbox/tenants/{t}` → 204 (the default tenant → 409). */
  async deleteTenant(tenantId = this.tenantId): Promise<void> {
    await this.#call("DELETE", this.#tenantPath("", tenantId));
  }

  // ——— per tenant ———

  /** `GET …/clock` without a change; `POST …/clock` with one. */
  clock(change?: ClockChange): Promise<ClockState> {
    return change === undefined ? this.#call("GET", this.#tenantPath("/clock")) : this.#call("POST", this.#tenantPath("/clock"), change);
  }

  /** `POST …/clock {"advance": "P30D"}` (an ISO 8601 duration). */
  advanceClock(duration: string): Promise<ClockState> {
    return this.clock({ advance: duration });
  }

  /** `POST …/clock {"set": "2027-01-05T00:00:00Z"}`. */
  setClock(at: string | Date): Promise<ClockState> {
    return this.clock({ set: typeof at === "string" ? at : at.toISOString() });
  }

  /** `POST …/clock {"reset": true}`. */
  resetClock(): Promise<ClockState> {
    return this.clock({ reset: true });
  }

  /** `GET …/settings` without a change; `PATCH …/settings` with any subset. */
  settings(change?: Partial<TenantSettings>): Promise<TenantSettings> {
    return change === undefined
      ? this.#call("GET", this.#tenantPath("/settings"))
      : this.#call("PATCH", this.#tenantPath("/settings"), change);
  }

  /** `POST …/reset`: only this tenant — apps, grants, activity gone, clock now, settings back to creation. */
  reset(): Promise<{ status: "reset" }> {
    return this.#call("POST", this.#tenantPath("/reset"), {});
  }

  /** `GET …/events` — one page; follow `nextCursor` (or use `allEvents`) for more. */
  events(query: EventsQuery = {}): Promise<EventsPage> {
    return this.#call("GET", this.#tenantPath(`/events${queryString(query)}`));
  }

  /** Every event matching the query, following `nextCursor` until it is null. */
  async *allEvents(query: Omit<EventsQuery, "cursor"> = {}): AsyncGenerator<SandboxEvent> {
    let cursor: string | undefined;
    do {
      const page = await this.events({ ...query, cursor });
      yield* page.events;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /** `GET …/exchanges/{correlationId}`: the request and answer behind an `X-Correlation-Id`, secrets redacted. */
  async exchange(correlationId: string): Promise<HttpExchange> {
    const answer: { exchange: HttpExchange } = await this.#call("GET", this.#tenantPath(`/exchanges/${encodeURIComponent(correlationId)}`));
    return answer.exchange;
  }

  /** `GET …/grants/{grantId}/har`: the grant's exchanges (authorize, consent, token requests, FHIR calls) as HAR 1.2. */
  grantHar(grantId: string): Promise<Har> {
    return this.#call("GET", this.#tenantPath(`/grants/${encodeURIComponent(grantId)}/har`));
  }

  /** `GET …/apps/{clientId}/trust`: the app's trust as the world is now. */
  trust(clientId: string): Promise<TrustEvaluation> {
    return this.#call("GET", this.#tenantPath(`/apps/${encodeURIComponent(clientId)}/trust`));
  }

  /** `POST …/apps/{clientId}/scenarios {"scenario"}` → the new evaluation plus `changes`. */
  scenario(clientId: string, scenario: ScenarioName | (string & {})): Promise<TrustEvaluation> {
    return this.#call("POST", this.#tenantPath(`/apps/${encodeURIComponent(clientId)}/scenarios`), { scenario });
  }

  /**
   * `PUT …/apps/{clientId}/trust-source {"source"}` — `live` makes the app's checks look at its real https server
   * (the switch is itself a change: see `changes` and `wouldSuspend`); `simulated` goes back to its simulated world.
   */
  trustSource(clientId: string, source: TrustSource): Promise<TrustSourceSwitch> {
    return this.#call("PUT", this.#tenantPath(`/apps/${encodeURIComponent(clientId)}/trust-source`), { source });
  }

  /** `PATCH …/apps/{clientId}/world` — a custom edit; the new evaluation plus `changes`. */
  world(clientId: string, edit: WorldEdit): Promise<TrustEvaluation> {
    return this.#call("PATCH", this.#tenantPath(`/apps/${encodeURIComponent(clientId)}/world`), edit);
  }

  /** `POST …/apps/{clientId}/next-token`: the next `count` token requests of that client answer `answer`. */
  nextToken(clientId: string, answer: NextTokenAnswer, count?: number): Promise<QueuedFault<NextTokenAnswer>> {
    return this.#call(
      "POST",
      this.#tenantPath(`/apps/${encodeURIComponent(clientId)}/next-token`),
      count === undefined ? { answer } : { answer, count },
    );
  }

  /** `POST …/apps/{clientId}/next-authorize`: the next authorize request(s) redirect back with that error. */
  nextAuthorize(clientId: string, answer: NextAuthorizeAnswer, count?: number): Promise<QueuedFault<NextAuthorizeAnswer>> {
    return this.#call(
      "POST",
      this.#tenantPath(`/apps/${encodeURIComponent(clientId)}/next-authorize`),
      count === undefined ? { answer } : { answer, count },
    );
  }

  // ——— headless grants ———

  readonly grants = {
    /** `POST …/grants`: approve as `username` without a browser; `issue` defaults to `"tokens"`. */
    approve: (request: ApproveGrantRequest): Promise<ApproveGrantResult> => this.#call("POST", this.#tenantPath("/grants"), request),
    /** `GET …/grants?client_id=&status=`. */
    list: async (query: GrantsQuery = {}): Promise<Grant[]> =>
      (await this.#call<{ grants: Grant[] }>("GET", this.#tenantPath(`/grants${queryString(query)}`))).grants,
    /** `GET …/grants/{id}`. */
    get: (grantId: string): Promise<Grant> => this.#call("GET", this.#grantPath(grantId)),
    /** `POST …/grants/{id}/suspend` (409 when it does not apply). */
    suspend: (grantId: string): Promise<Grant> => this.#call("POST", this.#grantPath(grantId, "/suspend"), {}),
    /** `POST …/grants/{id}/reapprove`: fresh snapshot; the same refresh token works again (409 when it does not apply). */
    reapprove: (grantId: string): Promise<Grant> => this.#call("POST", this.#grantPath(grantId, "/reapprove"), {}),
    /** `POST …/grants/{id}/reinstate` (409 when it does not apply). */
    reinstate: (grantId: string): Promise<Grant> => this.#call("POST", this.#grantPath(grantId, "/reinstate"), {}),
    /** `POST …/grants/{id}/revoke` (409 when it does not apply). */
    revoke: (grantId: string): Promise<Grant> => this.#call("POST", this.#grantPath(grantId, "/revoke"), {}),
    /** `POST …/grants/{id}/age {"by": "P91D"}`: moves `lastUsedAt` back. */
    age: (grantId: string, by: string): Promise<Grant> => this.#call("POST", this.#grantPath(grantId, "/age"), { by }),
  };

  #grantPath(grantId: string, action = ""): string {
    return this.#tenantPath(`/grants/${encodeURIComponent(grantId)}${action}`);
  }

  // ——— OAuth-side helpers ———

  /** The tenant's RFC 7591 registration endpoint. */
  registrationEndpoint(tenantId = this.tenantId): string {
    return joinUrl(this.baseURL, `/tenants/${encodeURIComponent(tenantId)}/protocols/oauth2/profiles/smart-v1/register`);
  }

  /** RFC 7591 registration at `/tenants/{t}/protocols/oauth2/profiles/smart-v1/register` → 201. */
  async register(metadata: ClientRegistrationRequest): Promise<ClientRegistration> {
    const url = this.registrationEndpoint();
    const result = await this.registerRaw(metadata);
    if (result.status !== 201) throw new SandboxControlError("POST", url, result.status, result.body);
    return result.body as ClientRegistration;
  }

  /** The registration request's raw answer (for tests of refused metadata). */
  async registerRaw(
    metadata: ClientRegistrationRequest | Record<string, unknown>,
  ): Promise<HttpResult<ClientRegistration | { error: string; error_description?: string }>> {
    // No admin credential here: the registration endpoint is an OAuth endpoint, and a Bearer header there would
    // read as an RFC 7591 initial access token.
    const response = await fetch(this.registrationEndpoint(), {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify(metadata),
    });
    return toHttpResult(response);
  }

  /**
   * `GET <error_uri>` with `Accept: application/json`. The error_uri is used as given (its origin is the sandbox's
   * PUBLIC_URL); no admin credential is sent to it.
   */
  async errorDetails(errorUri: string): Promise<ErrorDetails> {
    const response = await fetch(errorUri, { headers: { Accept: "application/json" } });
    const result = await toHttpResult<ErrorDetails>(response);
    if (!result.ok) throw new SandboxControlError("GET", errorUri, result.status, result.body);
    if (typeof result.body !== "object" || result.body === null) {
      throw new SandboxControlError(
        "GET",
        errorUri,
        result.status,
        `expected JSON, got ${result.headers["content-type"] ?? "no content type"}`,
      );
    }
    return result.body;
  }
}

function queryString(query: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
