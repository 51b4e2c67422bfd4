"use server";
// Patient picker and consent decisions. Each re-checks the session, the request and (for consent) the CSRF token.
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import {
  AuthorizationRequestUnavailable,
  approveAuthorizationRequest,
  denyAuthorizationRequest,
  loadAuthorizationRequest,
  verifyConsentCsrfToken,
} from "@/lib/oauth/authorize/authorization-requests";
import { accessiblePatients } from "@/lib/patient-session/sessions";
import { currentPatientSession, loginPath } from "@/app/(authorization-server)/_lib/patient-session";

function stepPath(tenantId: string, requestId: string) {
  return `/tenants/${tenantId}/personas/patient/authorize/${requestId}`;
}

async function requireSession(tenantId: string, requestId: string) {
  const session = await currentPatientSession(tenantId);
  if (!session) redirect(loginPath(tenantId, stepPath(tenantId, requestId)));
  return session;
}

export async function choosePatientAction(tenantId: string, requestId: string, form: FormData): Promise<void> {
  const session = await requireSession(tenantId, requestId);
  const patientId = String(form.get("patient") ?? "");
  const allowed = await accessiblePatients(db, session.person.id);
  if (!allowed.some((patient) => patient.id === patientId)) redirect(`${stepPath(tenantId, requestId)}?problem=choose-patient`);
  try {
    await loadAuthorizationRequest(db, tenantId, requestId);
  } catch (error) {
    if (error instanceof AuthorizationRequestUnavailable) redirect(stepPath(tenantId, requestId));
    throw error;
  }
  await db.authorizationRequest.update({ where: { id: requestId }, data: { patientId } });
  redirect(stepPath(tenantId, requestId));
}

export async function decideAction(tenantId: string, requestId: string, form: FormData): Promise<void> {
  const session = await requireSession(tenantId, requestId);
  if (!(await verifyConsentCsrfToken(db, requestId, session.sessionId, String(form.get("csrf") ?? "")))) {
    redirect(`${stepPath(tenantId, requestId)}?problem=expired-form`);
  }
  let destination: string;
  try {
    const request = await loadAuthorizationRequest(db, tenantId, requestId);
    const allowed = await accessiblePatients(db, session.person.id);
    const patientId = request.patientId ?? (allowed.length === 1 ? allowed[0].id : null);
    if (!patientId || !allowed.some((patient) => patient.id === patientId)) redirect(`${stepPath(tenantId, requestId)}?problem=choose-patient`);
    destination =
      form.get("decision") === "allow"
        ? await approveAuthorizationRequest(db, { tenantId, requestId, personId: session.person.id, patientId, loginSessionId: session.sessionId, keptScopes: form.getAll("scope").map(String) })
        : await denyAuthorizationRequest(db, { tenantId, requestId, personId: session.person.id });
  } catch (error) {
    if (error instanceof AuthorizationRequestUnavailable) redirect(stepPath(tenantId, requestId));
    throw error;
  }
  redirect(destination);
}
