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

export { loginPath, safeNextPath } from "@/lib/patient-session/portal-paths";
