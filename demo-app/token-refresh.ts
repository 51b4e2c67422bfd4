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

export type RefreshOutcome =
  | { kind: "refreshed"; tokens: HeldTokens }
  | { kind: "invalid_grant"; errorUri: string | null }
  | { kind: "unavailable"; message: string }
  | { kind: "no_refresh_token" };

export async function refreshTokens(held: HeldTokens): Promise<RefreshOutcome> {
  if (!held.refreshToken) return { kind: "no_refresh_token" };
  let response: Response;
  try {
    const { token_endpoint } = await discover();
    response = await fetch(token_endpoint, {
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
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
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
  if (response.status === 400 && body.error === "invalid_grant")
    return { kind: "invalid_grant", errorUri: typeof body.error_uri === "string" ? body.error_uri : null };
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
