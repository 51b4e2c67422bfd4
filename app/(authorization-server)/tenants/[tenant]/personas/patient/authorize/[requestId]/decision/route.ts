// POST …/authorize/{requestId}/decision — the consent form's Allow / Deny. A plain form POST answered with a 303,
// so the browser itself follows the redirect back to the app (a server action would navigate client-side).
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/config/environment";
import {
  AuthorizationRequestUnavailable,
  approveAuthorizationRequest,
  denyAuthorizationRequest,
  loadAuthorizationRequest,
  verifyConsentCsrfToken,
} from "@/lib/oauth/authorize/authorization-requests";
import { sharesNothing } from "@/lib/patient-pages/consent-step";
import { NO_STORE_HEADERS, newCorrelationId } from "@/lib/oauth/oauth-response";
import { CORRELATION_HEADER } from "@/lib/oauth/error-uri";
import { snapshotRequest } from "@/lib/activity/http-exchange";
import { keepExchange } from "@/lib/activity/http-exchange-store";
import { accessiblePatients } from "@/lib/patient-session/sessions";
import { loginPath } from "@/lib/patient-session/portal-paths";
import { currentPatientSession } from "@/app/(authorization-server)/_lib/patient-session";

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, ...NO_STORE_HEADERS } });

type Context = { params: Promise<{ tenant: string; requestId: string }> };

/** The decision, kept for the Raw HTTP view under its own correlation id (the grant's first exchange after authorize). */
export async function POST(request: Request, context: Context) {
  const correlationId = newCorrelationId();
  const snapshot = await snapshotRequest(request);
  const response = await decide(request, context, correlationId);
  response.headers.set(CORRELATION_HEADER, correlationId);
  await keepExchange((await context.params).tenant, snapshot, response);
  return response;
}

async function decide(request: Request, { params }: Context, correlationId: string): Promise<Response> {
  const { tenant: tenantId, requestId } = await params;
  const step = `${publicUrl()}/tenants/${tenantId}/personas/patient/authorize/${requestId}`;
  const origin = request.headers.get("origin");
  if (origin && origin !== publicUrl()) return new Response("Cross-site form submission refused", { status: 403 });
  const session = await currentPatientSession(tenantId);
  if (!session) return seeOther(`${publicUrl()}${loginPath(tenantId, `/tenants/${tenantId}/personas/patient/authorize/${requestId}`)}`);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return seeOther(`${step}?problem=expired-form`);
  }
  if (!(await verifyConsentCsrfToken(db, requestId, session.sessionId, String(form.get("csrf") ?? ""))))
    return seeOther(`${step}?problem=expired-form`);
  try {
    const authorization = await loadAuthorizationRequest(db, tenantId, requestId);
    const allowed = await accessiblePatients(db, session.person.id);
    const patientId = authorization.patientId ?? (allowed.length === 1 ? allowed[0].id : null);
    if (!patientId || !allowed.some((patient) => patient.id === patientId)) return seeOther(`${step}?problem=choose-patient`);
    if (form.get("decision") !== "allow")
      return seeOther(await denyAuthorizationRequest(db, { tenantId, requestId, personId: session.person.id }));
    const keptScopes = form.getAll("scope").map(String);
    if (sharesNothing(authorization.parameters.scope, keptScopes)) return seeOther(`${step}?problem=nothing-shared`);
    return seeOther(
      await approveAuthorizationRequest(db, {
        tenantId,
        requestId,
        personId: session.person.id,
        patientId,
        loginSessionId: session.sessionId,
        keptScopes,
        correlationId,
      }),
    );
  } catch (error) {
    if (error instanceof AuthorizationRequestUnavailable) return seeOther(step);
    throw error;
  }
}
