// GET /tenants/{t}/personas/patient/authorize/{requestId} — the patient's steps for one authorize request:
// sign in (redirect), pick a patient when there are several, then consent with the app's identity block.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { AuthorizationRequestUnavailable, consentCsrfToken, loadAuthorizationRequest } from "@/lib/oauth/authorize/authorization-requests";
import { accessKindOf } from "@/lib/oauth/scopes";
import { accessiblePatients } from "@/lib/patient-session/sessions";
import { findTenant } from "@/lib/tenancy/tenants";
import { evaluateTrust } from "@/lib/trust/evaluate-trust";
import { ConsentForm } from "@/components/patient/consent-form";
import { IdentityBlock } from "@/components/patient/identity-block";
import { Notice } from "@/components/patient/notice";
import { PatientPicker } from "@/components/patient/patient-picker";
import { SignedInAs } from "@/components/patient/signed-in-as";
import { currentPatientSession, loginPath } from "@/app/(authorization-server)/_lib/patient-session";
import { choosePatientAction } from "./actions";

export const metadata: Metadata = { title: "Allow access?" };

type Props = { params: Promise<{ tenant: string; requestId: string }>; searchParams: Promise<{ problem?: string }> };

export default async function AuthorizeStepPage({ params, searchParams }: Props) {
  const { tenant: tenantId, requestId } = await params;
  const { problem } = await searchParams;
  if (!(await findTenant(db, tenantId))) notFound();
  const here = `/tenants/${tenantId}/personas/patient/authorize/${requestId}`;
  const session = await currentPatientSession(tenantId);
  if (!session) redirect(loginPath(tenantId, here));

  let request;
  try {
    request = await loadAuthorizationRequest(db, tenantId, requestId);
  } catch (error) {
    if (error instanceof AuthorizationRequestUnavailable) return <Notice title="Nothing to approve here">{error.message}</Notice>;
    throw error;
  }
  const patients = await accessiblePatients(db, session.person.id);
  if (patients.length === 0) return <Notice title="No health record to share">Your account does not give access to any patient record.</Notice>;
  const chosen = patients.find((patient) => patient.id === request.patientId) ?? (patients.length === 1 ? patients[0] : null);

  const header = <SignedInAs tenantId={tenantId} displayName={session.person.displayName} />;
  if (!chosen || problem === "choose-patient") {
    return (
      <>
        {header}
        <section className="mt-3 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-2xl font-bold text-slate-900">Choose a health record</h1>
          <p className="mt-1 text-slate-600">An app wants to connect to a health record you can manage.</p>
          <PatientPicker action={choosePatientAction.bind(null, tenantId, requestId)} patients={patients} problem={problem === "choose-patient"} />
        </section>
      </>
    );
  }

  const trust = await evaluateTrust(db, request.clientId);
  const appName = trust.verdict.identity.appName ?? "Unknown App";
  const whose = chosen.relationship === "self" ? "your" : `${chosen.givenName} ${chosen.familyName}'s`;
  return (
    <>
      {header}
      <section className="mt-3 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold text-slate-900">
          Allow {appName} to access {whose} health record?
        </h1>
        {problem === "expired-form" && <p role="alert" className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">The form was out of date. Please review and answer again.</p>}
        <div className="mt-4">
          <IdentityBlock identity={trust.verdict.identity} findings={trust.findings} />
        </div>
        <ConsentForm
          action={`${here}/decision`}
          csrf={await consentCsrfToken(db, requestId, session.sessionId)}
          scopes={request.parameters.scope}
          accessKind={accessKindOf(request.parameters.scope)}
        />
      </section>
    </>
  );
}
