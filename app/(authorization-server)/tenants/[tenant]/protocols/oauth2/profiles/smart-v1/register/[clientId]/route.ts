// RFC 7592 client configuration endpoint: GET reads the registration, DELETE removes the app (and its grants),
// both with the registration access token as a Bearer credential. A wrong or missing token is 401 (RFC 6750).
import { appForRegistrationToken, deleteApp } from "@/lib/apps/delete-app";
import { newCorrelationId, oauthJson, preflight } from "@/lib/oauth/oauth-response";
import { tenantRoute } from "@/lib/oauth/tenant-route";

type Context = { params: Promise<{ tenant: string; clientId: string }> };

function unauthorized(): Response {
  return oauthJson({ error: "invalid_token" }, newCorrelationId(), 401, { "WWW-Authenticate": 'Bearer error="invalid_token"' });
}

export async function GET(request: Request, { params }: Context) {
  const { tenant, clientId } = await params;
  return tenantRoute(async (db, tenantId) => {
    const app = await appForRegistrationToken(db, tenantId, clientId, request.headers.get("authorization"));
    if (!app) return unauthorized();
    return oauthJson(
      {
        client_id: app.id,
        client_name: app.clientName,
        redirect_uris: app.redirectUris,
        scope: app.scope,
        grant_types: app.grantTypes,
        token_endpoint_auth_method: app.tokenEndpointAuthMethod,
        trust_source: app.trustSource,
      },
      newCorrelationId(),
    );
  })(request, { params: Promise.resolve({ tenant }) });
}

export async function DELETE(request: Request, { params }: Context) {
  const { tenant, clientId } = await params;
  return tenantRoute(async (db, tenantId) => {
    const app = await appForRegistrationToken(db, tenantId, clientId, request.headers.get("authorization"));
    if (!app) return unauthorized();
    await deleteApp(db, tenantId, app.id);
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  })(request, { params: Promise.resolve({ tenant }) });
}

export const OPTIONS = preflight;
