// Cookie glue between Next.js and lib/patient-session: read the signed session cookie, set and clear it.
import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db/client";
import { sessionCookieOptions } from "@/lib/http/session-cookie";
import { SESSION_COOKIE, sessionFromCookie, type PatientSession } from "@/lib/patient-session/sessions";

export async function currentPatientSession(tenantId: string): Promise<PatientSession | null> {
  return sessionFromCookie(db, tenantId, (await cookies()).get(SESSION_COOKIE)?.value);
}

export async function rawSessionCookie(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

export async function setSessionCookie(value: string): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, value, sessionCookieOptions());
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

/** Where to go after sign-in: only this tenant's patient pages or an error page of this server (no open redirect). */
export function safeNextPath(tenantId: string, next: string | null | undefined): string {
  const fallback = `/tenants/${tenantId}/personas/patient/my-authorizations`;
  if (!next || next.includes("\\") || next.startsWith("//") || /[\u0000-\u001f]/.test(next)) return fallback;
  if (next.startsWith(`/tenants/${tenantId}/personas/patient/`) || next.startsWith("/errors/")) return next;
  return fallback;
}

export function loginPath(tenantId: string, next: string): string {
  return `/tenants/${tenantId}/personas/patient/login?next=${encodeURIComponent(next)}`;
}
