// GET /tenants/{t}/oidc/idsps/{idsp}/.well-known/openid-configuration — OpenID Connect discovery of the issuer.
import { openidConfiguration } from "@/lib/oauth/discovery";
import { UnknownTenant } from "@/lib/oauth/errors";
import { CORS_HEADERS, preflight } from "@/lib/oauth/oauth-response";
import { tenantRoute } from "@/lib/oauth/tenant-route";
import { readSettings } from "@/lib/settings/tenant-settings";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string; idsp: string }> }) {
  const { tenant, idsp } = await params;
  return tenantRoute(async (db, tenantId) => {
    if (idsp !== tenantId) throw new UnknownTenant(`there is no issuer "${idsp}" in this tenant`);
    return Response.json(openidConfiguration(tenantId, await readSettings(db, tenantId)), { headers: CORS_HEADERS });
  })(request, { params: Promise.resolve({ tenant }) });
}
export const OPTIONS = preflight;
