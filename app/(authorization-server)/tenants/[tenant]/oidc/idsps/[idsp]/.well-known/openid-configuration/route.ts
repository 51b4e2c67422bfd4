// GET /tenants/{t}/oidc/idsps/{idsp}/.well-known/openid-configuration — OpenID Connect discovery of the issuer.
import { db } from "@/lib/db/client";
import { openidConfiguration } from "@/lib/oauth/discovery";
import { CORS_HEADERS } from "@/lib/oauth/oauth-response";
import { readSettings } from "@/lib/settings/tenant-settings";
import { findTenant } from "@/lib/tenancy/tenants";

export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string; idsp: string }> }) {
  const { tenant, idsp } = await params;
  if (idsp !== tenant || !(await findTenant(db, tenant))) return Response.json({ error: "not_found" }, { status: 404, headers: CORS_HEADERS });
  return Response.json(openidConfiguration(tenant, await readSettings(db, tenant)), { headers: CORS_HEADERS });
}
