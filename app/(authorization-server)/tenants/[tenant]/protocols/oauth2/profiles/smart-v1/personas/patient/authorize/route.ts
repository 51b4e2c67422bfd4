// GET|POST …/personas/patient/authorize — validate the authorize request, then hand the patient to the
// sign-in / picker / consent pages. Errors before the redirect URI is trusted go to an error page for people.
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/config/environment";
import { recordEvent } from "@/lib/activity/record-event";
import { sandboxNow } from "@/lib/clock/sandbox-clock";
import { AUTHORIZE_PARAMETERS, AuthorizePageError, AuthorizeRedirectError, validateAuthorizeRequest } from "@/lib/oauth/authorize/authorize-checks";
import { authorizeErrorRedirect, startAuthorizationRequest } from "@/lib/oauth/authorize/authorization-requests";
import { recordOAuthError } from "@/lib/oauth/error-uri";
import { InvalidRequest, OAuthError, ServerError } from "@/lib/oauth/errors";
import { pickParameters, readFormBody } from "@/lib/oauth/form-parameters";
import { NO_STORE_HEADERS, newCorrelationId } from "@/lib/oauth/oauth-response";
import { readSettings } from "@/lib/settings/tenant-settings";
import { findTenant } from "@/lib/tenancy/tenants";

type Context = { params: Promise<{ tenant: string }> };

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...NO_STORE_HEADERS } });
}

async function errorPage(tenantId: string | null, error: OAuthError, correlationId: string): Promise<Response> {
  return seeOther(await recordOAuthError(db, { id: correlationId, endpoint: "authorize", error, tenantId, eventPayload: { shownAs: "page" } }));
}

async function handle(request: Request, { params }: Context): Promise<Response> {
  const { tenant } = await params;
  const correlationId = newCorrelationId();
  try {
    if (!(await findTenant(db, tenant))) return errorPage(null, new InvalidRequest(`there is no tenant "${tenant}" on this server`), correlationId);
    const source = request.method === "GET" ? new URL(request.url).searchParams : await readFormBody(request);
    const settings = await readSettings(db, tenant);
    const validated = await validateAuthorizeRequest(db, tenant, settings, pickParameters(source, AUTHORIZE_PARAMETERS));
    const id = await startAuthorizationRequest(db, tenant, validated);
    await recordEvent(db, { type: "authorize.started", tenantId: tenant, clientId: validated.clientId, correlationId, sandboxAt: await sandboxNow(db), payload: { requestId: id, scope: validated.scope.join(" "), redirectUri: validated.redirectUri } });
    return seeOther(`${publicUrl()}/tenants/${tenant}/personas/patient/authorize/${id}`);
  } catch (failure) {
    if (failure instanceof AuthorizeRedirectError) {
      const includeDescription = (await readSettings(db, tenant)).errorDescription;
      return seeOther(await authorizeErrorRedirect(db, { tenantId: tenant, error: failure.error, redirectUri: failure.redirectUri, state: failure.state, clientId: failure.clientId, correlationId, includeDescription }));
    }
    if (failure instanceof AuthorizePageError) return errorPage(tenant, failure.error, correlationId);
    if (failure instanceof OAuthError) return errorPage(tenant, failure, correlationId);
    console.error(`correlation ${correlationId}: authorize failed`, failure);
    return errorPage(tenant, new ServerError("the server failed to handle the request"), correlationId);
  }
}

export const GET = handle;
export const POST = handle;
