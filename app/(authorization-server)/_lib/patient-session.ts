// Cookie glue between the App Router route handlers (consent decision, sign-out) and lib/patient-session: read the
// signed session cookie and clear it. The patient pages (Pages Router) use ./patient-page.ts.
import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db/client";
import { SESSION_COOKIE, sessionFromCookie, type PatientSession } from "@/lib/patient-session/sessions";

export async function currentPatientSession(tenantId: string): Promise<PatientSession | null> {
  return sessionFromCookie(db, tenantId, (await cookies()).get(SESSION_COOKIE)?.value);
}

export async function rawSessionCookie(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}
