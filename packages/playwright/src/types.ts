// Shared OAuth / SMART shapes and the sandbox's documented constants. Pure types and values: no I/O here.

/** The seeded default tenant ("Sandbox Health"). The old control routes without `/tenants/{t}` act on it. */
export const DEFAULT_TENANT_ID = "d1f6e9a2-5c3b-4e8f-a7d0-3b2c1e0f9a84";

/** The password of every seeded sandbox account (sandbox only; never reuse it). */
export const SANDBOX_PASSWORD = "SandboxPass1";

/** The usernames every tenant is seeded with. */
export const SANDBOX_USERNAMES = ["avarivera", "mayachen", "samuelokafor"] as const;
export type SandboxUsername = (typeof SANDBOX_USERNAMES)[number];

const URN_PREFIX = "urn:smart-trust-sandbox:error:oauth2";
/** The URN in the `error_uri` of a refresh refused because the grant is suspended. */
export const GRANT_SUSPENDED_URN = `${URN_PREFIX}:grant:suspended`;
/** The URN in the `error_uri` of a refresh refused because the grant is revoked (incl. 90-day expiry). */
export const GRANT_REVOKED_URN = `${URN_PREFIX}:grant:revoked`;

/** The default scope a QA app registers and asks for. */
export const QA_SCOPE =
  "launch/patient openid fhirUser offline_access patient/Patient.read patient/Observation.read patient/MedicationRequest.read";

/** A successful token endpoint answer (authorization_code or refresh_token grant). */
export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
  /** Absent on refresh unless the tenant rotates refresh tokens (`refreshTokenRotation`). */
  refresh_token?: string;
  id_token?: string;
  patient?: string;
  need_patient_banner?: boolean;
  smart_style_url?: string;
  [extension: string]: unknown;
}

/** An OAuth error answer: `{"error", "error_uri"}` (and `error_description` only when the tenant setting is on). */
export interface OAuthErrorBody {
  error: string;
  error_uri?: string;
  error_description?: string;
  [extension: string]: unknown;
}

/** What the token endpoint answered, success or error, so tests can assert on either. */
export type TokenEndpointBody = Partial<TokenResponse> & Partial<OAuthErrorBody>;

/** A raw HTTP answer: status, parsed body (JSON when it is JSON, else text) and lower-case headers. */
export interface HttpResult<T = unknown> {
  status: number;
  ok: boolean;
  body: T;
  headers: Record<string, string>;
}

/** The URN inside an `error_uri` (`…/errors/{urn}/instances/{id}?…`), decoded; null when it is not one. */
export function urnOf(errorUri: string | undefined | null): string | null {
  if (!errorUri) return null;
  try {
    const match = /\/errors\/([^/]+)\/instances\//.exec(new URL(errorUri).pathname);
    return match ? decodeURIComponent(match[1]) : null;
  } catch {
    return null;
  }
}

/** The instance id (= the `X-Correlation-Id` of the answer) inside an `error_uri`; null when it is not one. */
export function correlationIdOf(errorUri: string | undefined | null): string | null {
  if (!errorUri) return null;
  try {
    const match = /\/errors\/[^/]+\/instances\/([^/?#]+)/.exec(new URL(errorUri).pathname);
    return match ? decodeURIComponent(match[1]) : null;
  } catch {
    return null;
  }
}

/** Parses a fetch Response into an HttpResult without throwing on a non-JSON body. */
export async function toHttpResult<T = unknown>(response: Response): Promise<HttpResult<T>> {
  const text = await response.text();
  let body: unknown = text;
  const type = response.headers.get("content-type") ?? "";
  if (text.length > 0 && /json/i.test(type)) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  } else if (text.length === 0) {
    body = null;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  return { status: response.status, ok: response.ok, body: body as T, headers };
}

/** Joins a base URL (which may carry a path prefix) and an absolute path. */
export function joinUrl(base: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
