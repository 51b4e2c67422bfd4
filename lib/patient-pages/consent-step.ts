// What the patient sees for one authorize request once signed in: a dead end, the patient picker, or consent
// with the app's identity block — as plain data for the page to render.
import type { Db } from "../db/client";
import { AuthorizationRequestUnavailable, consentCsrfToken, loadAuthorizationRequest } from "../oauth/authorize/authorization-requests";
import { accessKindOf, describeResourceScope, parseResourceScope } from "../oauth/scopes";
import { accessiblePatients, type PatientSession } from "../patient-session/sessions";
import { evaluateTrust } from "../trust/evaluate-trust";
import { appName, AppName, whose, Whose, WORDS } from "../wording/patient-wording";
import { identityView, type IdentityView } from "./identity-view";

export interface PickerPatient {
  id: string;
  name: string;
  birthDate: string;
  relationship: string;
}

export type ConsentStep =
  | { kind: "unavailable"; message: string }
  | { kind: "no-patients" }
  | { kind: "picker"; lead: string; patients: PickerPatient[]; csrf: string }
  | {
      kind: "consent";
      title: string;
      identity: IdentityView;
      items: { scope: string; text: string }[];
      required: string[];
      duration: string;
      csrf: string;
    };

const REQUIRED: Record<string, string> = {
  openid: WORDS.required.identity,
  fhirUser: WORDS.required.identity,
  profile: WORDS.required.identity,
  "launch/patient": WORDS.required.launch,
};

/** The app asking, named as the patient should see it (the login page and the picker say who asks). */
export async function askingAppName(db: Db, clientId: string): Promise<string> {
  const client = await db.client.findUnique({ where: { id: clientId }, select: { clientName: true } });
  if (!client) return "An app";
  return AppName((await evaluateTrust(db, clientId)).verdict.identity, client.clientName);
}

export async function consentStep(
  db: Db,
  tenantId: string,
  requestId: string,
  session: PatientSession,
  choosePatient: boolean,
): Promise<ConsentStep> {
  let request;
  try {
    request = await loadAuthorizationRequest(db, tenantId, requestId);
  } catch (error) {
    if (error instanceof AuthorizationRequestUnavailable) return { kind: "unavailable", message: error.message };
    throw error;
  }
  const patients = await accessiblePatients(db, session.person.id);
  if (patients.length === 0) return { kind: "no-patients" };
  const chosen = choosePatient
    ? null
    : (patients.find((patient) => patient.id === request.patientId) ?? (patients.length === 1 ? patients[0] : null));
  const csrf = await consentCsrfToken(db, requestId, session.sessionId);
  if (!chosen) {
    return {
      kind: "picker",
      lead: WORDS.picker.lead(await askingAppName(db, request.clientId)),
      patients: patients.map((patient) => ({
        id: patient.id,
        name: `${patient.givenName} ${patient.familyName}`,
        birthDate: patient.birthDate,
        relationship: patient.relationship,
      })),
      csrf,
    };
  }
  const [trust, client] = await Promise.all([
    evaluateTrust(db, request.clientId),
    db.client.findUnique({ where: { id: request.clientId }, select: { clientName: true } }),
  ]);
  const registeredName = client?.clientName ?? request.clientId;
  const scopes = request.parameters.scope;
  return {
    kind: "consent",
    title: WORDS.consent.title(appName(trust.verdict.identity, registeredName), whose(chosen)),
    identity: identityView(trust.verdict.identity, registeredName, trust.findings),
    items: scopes
      .map(parseResourceScope)
      .flatMap((resource) => (resource ? [{ scope: resource.scope, text: describeResourceScope(resource, Whose(chosen)) }] : [])),
    required: [...new Set(scopes.map((scope) => REQUIRED[scope]).filter(Boolean))],
    duration: WORDS.consent.duration[accessKindOf(scopes)],
    csrf,
  };
}

/** Allow with every resource scope unticked shares nothing the app asked for: refused with a message. */
export function sharesNothing(requestedScopes: string[], kept: string[]): boolean {
  const optional = requestedScopes.filter((scope) => parseResourceScope(scope) !== null);
  return optional.length > 0 && !optional.some((scope) => kept.includes(scope));
}
