// GET/POST /tenants/{t}/personas/patient/authorize/{requestId} — the patient's steps for one authorize request:
// sign in (redirect), pick a patient when there are several (a form post back here), then consent with the app's
// identity block (Allow / Deny post to …/decision).
import type { GetServerSideProps, PageConfig } from "next";
import { db } from "@/lib/db/client";
import {
  AuthorizationRequestUnavailable,
  choosePatientForRequest,
  verifyConsentCsrfToken,
} from "@/lib/oauth/authorize/authorization-requests";
import { consentStep, type ConsentStep } from "@/lib/patient-pages/consent-step";
import { accessiblePatients } from "@/lib/patient-session/sessions";
import { portalPaths } from "@/lib/patient-session/portal-paths";
import { findTenant } from "@/lib/tenancy/tenants";
import { WORDS } from "@/lib/wording/patient-wording";
import { ConsentForm } from "@/components/patient/consent-form";
import { IdentityBlock } from "@/components/patient/identity-block";
import { Notice } from "@/components/patient/notice";
import { PatientPicker } from "@/components/patient/patient-picker";
import { card, PortalFrame } from "@/components/patient/portal-frame";
import { SignedInAs } from "@/components/patient/signed-in-as";
import {
  pageSession,
  param,
  postedForm,
  query,
  seeOther,
  signInFirst,
  type PageContext,
} from "@/app/(authorization-server)/_lib/patient-page";

export const config: PageConfig = { unstable_runtimeJS: false };

const PROBLEMS: Record<string, string> = { "expired-form": WORDS.consent.expiredForm, "nothing-shared": WORDS.consent.nothingShared };

interface Props {
  tenantId: string;
  here: string;
  signedInAs: string;
  step: ConsentStep;
  problem: string | null;
  pickerProblem: boolean;
}

export const getServerSideProps: GetServerSideProps<Props> = async (context: PageContext) => {
  const tenantId = param(context, "tenant");
  const requestId = param(context, "requestId");
  // Both go into Location headers below: anything but the ids they can be is simply not found.
  if (!/^[0-9a-f-]{36}$/.test(requestId) || !(await findTenant(db, tenantId))) return { notFound: true };
  const here = portalPaths.authorizeStep(tenantId, requestId);
  const session = await pageSession(context, tenantId);
  if (!session) return signInFirst(context, tenantId, here);

  const posted = await postedForm(context);
  if (posted.kind === "refused") return seeOther(`${here}?problem=expired-form`);
  if (posted.kind === "form") return choosePatient(tenantId, requestId, session, posted.form, here);

  const problem = query(context, "problem") ?? null;
  const step = await consentStep(db, tenantId, requestId, session, problem === "choose-patient");
  return {
    props: {
      tenantId,
      here,
      signedInAs: session.person.displayName,
      step,
      problem: problem && Object.hasOwn(PROBLEMS, problem) ? PROBLEMS[problem] : null,
      pickerProblem: problem === "choose-patient",
    },
  };
};

async function choosePatient(
  tenantId: string,
  requestId: string,
  session: { sessionId: string; person: { id: string } },
  form: URLSearchParams,
  here: string,
) {
  if (!(await verifyConsentCsrfToken(db, requestId, session.sessionId, form.get("csrf") ?? "")))
    return seeOther(`${here}?problem=expired-form`);
  const patientId = form.get("patient") ?? "";
  if (!(await accessiblePatients(db, session.person.id)).some((patient) => patient.id === patientId))
    return seeOther(`${here}?problem=choose-patient`);
  try {
    await choosePatientForRequest(db, tenantId, requestId, patientId);
  } catch (error) {
    if (!(error instanceof AuthorizationRequestUnavailable)) throw error;
  }
  return seeOther(here);
}

export default function AuthorizeStepPage({ tenantId, here, signedInAs, step, problem, pickerProblem }: Props) {
  if (step.kind === "unavailable" || step.kind === "no-patients") {
    return (
      <PortalFrame title="Allow access?">
        {step.kind === "unavailable" ? (
          <Notice title={WORDS.nothingToApprove}>{step.message}</Notice>
        ) : (
          <Notice title={WORDS.noRecord.title}>{WORDS.noRecord.body}</Notice>
        )}
      </PortalFrame>
    );
  }
  return (
    <PortalFrame title={step.kind === "picker" ? WORDS.picker.title : "Allow access?"}>
      <SignedInAs tenantId={tenantId} displayName={signedInAs} />
      <section className={`mt-3 ${card}`}>
        {step.kind === "picker" ? (
          <>
            <h1 className="text-2xl font-bold text-slate-900">{WORDS.picker.title}</h1>
            <p className="mt-1 text-slate-600">{step.lead}</p>
            <PatientPicker csrf={step.csrf} patients={step.patients} problem={pickerProblem} />
          </>
        ) : (
          <>
            <h1 className="text-xl font-bold break-words text-slate-900 sm:text-2xl">{step.title}</h1>
            {problem && (
              <p role="alert" className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
                {problem}
              </p>
            )}
            <div className="mt-4">
              <IdentityBlock view={step.identity} />
            </div>
            <ConsentForm
              action={`${here}/decision`}
              csrf={step.csrf}
              items={step.items}
              required={step.required}
              duration={step.duration}
            />
          </>
        )}
      </section>
    </PortalFrame>
  );
}
