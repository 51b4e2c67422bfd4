// GET|POST …/personas/patient/authorize — validate the authorize request, then hand the patient to the
// sign-in / picker / consent pages. Errors before the redirect URI is trusted go to an error page for people.
import { db } from "@/lib/db/client";
import { snapshotRequest } from "@/lib/activity/http-exchange";
import { keepExchange } from "@/lib/activity/http-exchange-store";
import { publicUrl } from "@/lib/config/environment";
import { recordEvent } from "@/lib/activity/record-event";
import { sandboxNow } from "@/lib/clock/sandbox-clock";
import {
  AUTHORIZE_PARAMETERS,
  AuthorizePageError,
  AuthorizeRedirectError,
  validateAuthorizeRequest,
} from "@/lib/oauth/authorize/authorize-checks";
import { authorizeErrorRedirect, startAuthorizationRequest } from "@/lib/oauth/authorize/authorization-requests";
import { recordOAuthError } from "@/lib/oauth/error-uri";
import { AccessDenied, InvalidRequest, InvalidScope, OAuthError, ServerError } from "@/lib/oauth/errors";
import { signInByLoginHint } from "@/lib/patient-session/sessions";
import { takeFault } from "@/lib/oauth/queued-faults";
import { sessionSetCookieHeader } from "@/lib/http/session-cookie";
import { pickParameters, readFormBody } from "@/lib/oauth/form-parameters";
import { NO_STORE_HEADERS, newCorrelationId } from "@/lib/oauth/oauth-response";
import { readSettings, type TenantSettings } from "@/lib/settings/tenant-settings";
import { findTenant } from "@/lib/tenancy/tenants";
import { log, logExchange } from "@/lib/log/logger";
import { CORRELATION_HEADER } from "@/lib/oauth/error-uri";

type Context = { params: Promise<{ tenant: string }> };

function queuedAuthorizeError(fault: string): OAuthError {
  const detail = `fault "${fault}" queued with the control API (next-authorize)`;
  if (fault === "access_denied") return new AccessDenied("The patient denied the request.", detail);
  if (fault === "invalid_scope") return new InvalidScope("the requested scope is not available", detail);
  return new ServerError("the server failed to handle the request", detail);
}

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...NO_STORE_HEADERS } });
}

async function errorPage(tenantId: string | null, error: OAuthError, correlationId: string): Promise<Response> {
  return seeOther(
    await recordOAuthError(db, { id: correlationId, endpoint: "authorize", error, tenantId, eventPayload: { shownAs: "page" } }),
  );
}

async function handle(request: Request, { params }: Context, correlationId: string): Promise<Response> {
  const { tenant } = await params;
  let settings: TenantSettings | null = null;
  try {
    if (!(await findTenant(db, tenant)))
      return errorPage(null, new InvalidRequest(`there is no tenant "${tenant}" on this server`), correlationId);
    const source = request.method === "GET" ? new URL(request.url).searchParams : await readFormBody(request);
    settings = await readSettings(db, tenant);
    const parameters = pickParameters(source, AUTHORIZE_PARAMETERS);
    const validated = await validateAuthorizeRequest(db, tenant, settings, parameters);
    const fault = await takeFault(db, validated.clientId, "authorize");
    if (fault) throw new AuthorizeRedirectError(queuedAuthorizeError(fault), validated.redirectUri, validated.state, validated.clientId);
    const signedIn = parameters.login_hint ? await signInByLoginHint(db, tenant, parameters.login_hint) : null;
    const id = await startAuthorizationRequest(db, tenant, validated);
    await recordEvent(db, {
      type: "authorize.started",
      tenantId: tenant,
      clientId: validated.clientId,
      correlationId,
      sandboxAt: await sandboxNow(db, tenant),
      payload: { requestId: id, scope: validated.scope.join(" "), redirectUri: validated.redirectUri },
    });
    const next = seeOther(`${publicUrl()}/tenants/${tenant}/personas/patient/authorize/${id}`);
    if (signedIn?.ok) next.headers.append("Set-Cookie", sessionSetCookieHeader(signedIn.cookieValue));
    return next;
  } catch (failure) {
    if (failure instanceof AuthorizeRedirectError) {
      const tenantSettings = settings ?? (await readSettings(db, tenant));
      return seeOther(
        await authorizeErrorRedirect(db, {
          tenantId: tenant,
          settings: tenantSettings,
          error: failure.error,
          redirectUri: failure.redirectUri,
          state: failure.state,
          clientId: failure.clientId,
          correlationId,
        }),
      );
    }
    if (failure instanceof AuthorizePageError) return errorPage(tenant, failure.error, correlationId);
    if (failure instanceof OAuthError) return errorPage(tenant, failure, correlationId);
    log.error({ correlationId, err: failure }, "authorize failed");
    return errorPage(tenant, new ServerError("the server failed to handle the request"), correlationId);
  }
}

async function handleAndLog(request: Request, context: Context): Promise<Response> {
  const correlationId = newCorrelationId();
  const snapshot = await snapshotRequest(request);
  const response = await handle(request, context, correlationId);
  response.headers.set(CORRELATION_HEADER, correlationId);
  logExchange(request, response.status, correlationId);
  await keepExchange((await context.params).tenant, snapshot, response);
  return response;
}

export const GET = handleAndLog;
export const POST = handleAndLog;
