// The patient session cookie's attributes, in one place for the sign-in action (next/headers) and for route
// handlers that set it on their own response (auto-login on the authorize request).
import { publicUrl } from "../config/environment";
import { SESSION_COOKIE, SESSION_LIFETIME_MS } from "../patient-session/sessions";

export function sessionCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, secure: publicUrl().startsWith("https:"), path: "/", maxAge: SESSION_LIFETIME_MS / 1000 };
}

export function sessionSetCookieHeader(value: string): string {
  const options = sessionCookieOptions();
  return `${SESSION_COOKIE}=${value}; Path=${options.path}; Max-Age=${options.maxAge}; HttpOnly; SameSite=Lax${options.secure ? "; Secure" : ""}`;
}
