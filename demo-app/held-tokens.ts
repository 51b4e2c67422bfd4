// Reads the tokens from the encrypted session cookie on the server, for FHIR calls. They never reach the browser.
import "server-only";
import { headers } from "next/headers";
import { getToken } from "next-auth/jwt";
import { fhirBaseUrl } from "./config";
import type { HeldTokens } from "./token-refresh";

export async function heldTokens(): Promise<HeldTokens | null> {
  const secure = fhirBaseUrl().startsWith("https:");
  const token = await getToken({
    req: { headers: await headers() },
    secret: process.env.AUTH_SECRET!,
    secureCookie: secure,
    salt: secure ? "__Secure-authjs.session-token" : "authjs.session-token",
  });
  return (token?.held as HeldTokens | undefined) ?? null;
}
