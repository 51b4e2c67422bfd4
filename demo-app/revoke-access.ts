// "Stop using the app": MyHealth gives its refresh token back to the server (RFC 7009 revocation endpoint, found
// by discovery), so the grant ends at the server and not only on this device.
import { DEMO_CLIENT_ID } from "./config";
import { discover } from "./smart-discovery";
import type { HeldTokens } from "./token-refresh";

export type RevocationOutcome = "revoked" | "nothing-to-revoke" | "failed";

export async function revokeAtServer(held: HeldTokens | null): Promise<RevocationOutcome> {
  const token = held?.refreshToken ?? held?.accessToken;
  if (!token) return "nothing-to-revoke";
  try {
    const { revocation_endpoint } = await discover();
    if (!revocation_endpoint) return "failed";
    const response = await fetch(revocation_endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        token,
        token_type_hint: held?.refreshToken ? "refresh_token" : "access_token",
        client_id: DEMO_CLIENT_ID,
      }),
      cache: "no-store",
    });
    // RFC 7009 §2.2: 200 whether or not the token was still valid.
    return response.ok ? "revoked" : "failed";
  } catch {
    return "failed";
  }
}
