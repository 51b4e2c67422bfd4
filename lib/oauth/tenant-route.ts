// Route wrapper for a tenant's JSON endpoints: an unknown tenant is a 404 with the RFC error body, and anything unexpected is a
// well-formed `500 {"error":"server_error"}` with the correlation id — never the framework's bare 500.
import { db, type Db } from "../db/client";
import { findTenant } from "../tenancy/tenants";
import { logExchange } from "../log/logger";
import { CORRELATION_HEADER } from "./error-uri";
import { UnknownTenant } from "./errors";
import { newCorrelationId, oauthErrorResponse } from "./oauth-response";

type TenantParams = { params: Promise<{ tenant: string }> };

export function tenantRoute(handler: (db: Db, tenantId: string, request: Request) => Promise<Response>) {
  return async (request: Request, { params }: TenantParams): Promise<Response> => {
    const { tenant } = await params;
    let response: Response;
    try {
      if (!(await findTenant(db, tenant))) throw new UnknownTenant(`there is no tenant "${tenant}" on this server`);
      response = await handler(db, tenant, request);
    } catch (failure) {
      response = await oauthErrorResponse(db, failure, { endpoint: new URL(request.url).pathname.split("/").pop() || "oauth", tenantId: tenant, correlationId: newCorrelationId() });
    }
    if (!response.headers.has(CORRELATION_HEADER)) response.headers.set(CORRELATION_HEADER, newCorrelationId());
    logExchange(request, response.status, response.headers.get(CORRELATION_HEADER)!);
    return response;
  };
}
