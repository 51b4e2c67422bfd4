// Refreshing the access token (RFC 6749 §6) the way the vendor expects: keep the refresh token when the answer
// has none (no rotation), and tell an `invalid_grant` (suspended or revoked — the server does not say which)
// apart from a server that is unreachable or failing.
import { DEMO_CLIENT_ID } from "./config";
import { discover, SandboxUnreachable } from "./smart-discovery";

export interface HeldTokens {
  accessToken: string;
  refreshToken?: string;
  expiresAt: number;
  scope: string;
  patient: string;
  fhirUser?: string;
}

/** The refused refresh exactly as MyHealth sent and received it, the refresh token shown only as a placeholder. */
export interface RefusedExchange {
  request: { method: "POST"; url: string; body: string };
  response: { status: number; correlationId: string | null; body: string };
}

export type RefreshOutcome =
  | { kind: "refreshed"; tokens: HeldTokens }
  | { kind: "invalid_grant"; errorUri: string | null; exchange: RefusedExchange }
  | { kind: "unavailable"; message: string }
  | { kind: "no_refresh_token" };

export async function refreshTokens(held: HeldTokens): Promise<RefreshOutcome> {
  if (!held.refreshToken) return { kind: "no_refresh_token" };
  let response: Response;
  let url = "";
  try {
    url = (await discover()).token_endpoint;
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: held.refreshToken, client_id: DEMO_CLIENT_ID }),
      cache: "no-store",
    });
  } catch (error) {
    return {
      kind: "unavailable",
      message: error instanceof SandboxUnreachable ? error.message : "The health record server cannot be reached.",
    };
  }
  const text = await response.text().catch(() => "");
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: handled below as an unavailable server
  }
  if (response.ok && typeof body.access_token === "string") {
    return {
      kind: "refreshed",
      tokens: {
        ...held,
        accessToken: body.access_token,
        refreshToken: typeof body.refresh_token === "string" ? body.refresh_token : held.refreshToken,
        expiresAt: Math.floor(Date.now() / 1000) + Number(body.expires_in ?? 0),
        scope: typeof body.scope === "string" ? body.scope : held.scope,
      },
    };
  }
  if (response.status === 400 && body.error === "invalid_grant") {
    const exchange: RefusedExchange = {
      request: {
        method: "POST",
        url,
        body: `grant_type=refresh_token&refresh_token=[redacted]&client_id=${encodeURIComponent(DEMO_CLIENT_ID)}`,
      },
      response: { status: response.status, correlationId: response.headers.get("x-correlation-id"), body: text.slice(0, 2000) },
    };
    return { kind: "invalid_grant", errorUri: typeof body.error_uri === "string" ? body.error_uri : null, exchange };
  }
  return {
    kind: "unavailable",
    message: `The health record server answered ${response.status}${typeof body.error === "string" ? ` (${body.error})` : ""}.`,
  };
}

/** Whether the access token expires within 30 s: the app refreshes before it calls the FHIR API. */
export function accessTokenExpiring(tokens: HeldTokens, nowMs = Date.now()): boolean {
  return tokens.expiresAt - 30 < nowMs / 1000;
}

/** Whether the last refresh happened within 15 s: a 401 right after one means the access is gone. */
export function refreshedJustNow(last: { at: number } | null | undefined, nowMs = Date.now()): boolean {
  return !!last && nowMs - last.at < 15_000;
}
