// Route wrapper for a tenant's JSON endpoints: an unknown tenant is a 404, never a crash.
import { db, type Db } from "../db/client";
import { findTenant } from "../tenancy/tenants";
import { newCorrelationId, oauthJson } from "./oauth-response";

type TenantParams = { params: Promise<{ tenant: string }> };

export function tenantRoute(handler: (db: Db, tenantId: string, request: Request) => Promise<Response>) {
  return async (request: Request, { params }: TenantParams): Promise<Response> => {
    const { tenant } = await params;
    if (!(await findTenant(db, tenant))) return oauthJson({ error: "not_found", message: `no tenant "${tenant}"` }, newCorrelationId(), 404);
    return handler(db, tenant, request);
  };
}
