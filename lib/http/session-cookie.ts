// The patient session cookie's Set-Cookie header, in one place for the sign-in page and for route handlers that
// set it on their own response (auto-login on the authorize request).
import { publicUrl } from "../config/environment";
import { SESSION_COOKIE, SESSION_LIFETIME_MS } from "../patient-session/sessions";

export function sessionSetCookieHeader(value: string): string {
  const secure = publicUrl().startsWith("https:");
  return `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${SESSION_LIFETIME_MS / 1000}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
