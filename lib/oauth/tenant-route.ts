// Route wrapper for a tenant's JSON endpoints: an unknown tenant is a 404 with the RFC error body, and anything unexpected is a
// well-formed `500 {"error":"server_error"}` with the correlation id — never the framework's bare 500.
import { db, type Db } from "../db/client";
import { findTenant } from "../tenancy/tenants";
import { UnknownTenant } from "./errors";
import { newCorrelationId, oauthErrorResponse } from "./oauth-response";

type TenantParams = { params: Promise<{ tenant: string }> };

export function tenantRoute(handler: (db: Db, tenantId: string, request: Request) => Promise<Response>) {
  return async (request: Request, { params }: TenantParams): Promise<Response> => {
    const { tenant } = await params;
    try {
      if (!(await findTenant(db, tenant))) throw new UnknownTenant(`there is no tenant "${tenant}" on this server`);
      return await handler(db, tenant, request);
    } catch (failure) {
      return oauthErrorResponse(db, failure, { endpoint: new URL(request.url).pathname.split("/").pop() || "oauth", tenantId: tenant, correlationId: newCorrelationId() });
    }
  };
}
