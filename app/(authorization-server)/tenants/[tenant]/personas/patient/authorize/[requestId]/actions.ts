"use server";
// The patient picker's choice; re-checks the session and the request. (Allow/Deny is the decision route.)
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { AuthorizationRequestUnavailable, loadAuthorizationRequest } from "@/lib/oauth/authorize/authorization-requests";
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
