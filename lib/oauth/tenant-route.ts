// Route wrapper for a tenant's JSON endpoints: an unknown tenant is a 404 with the RFC error body, and anything unexpected is a
// well-formed `500 {"error":"server_error"}` with the correlation id — never the framework's bare 500. Every exchange
// is kept for the Raw HTTP view (secrets removed) unless the tenant turned that off.
import { db, lean, type Db } from "../db/client";
import type { LeanDb } from "../db/lean/lean-db";
import { findTenant } from "../tenancy/tenants";
import { logExchange } from "../log/logger";
import { snapshotRequest, type RequestSnapshot } from "../activity/http-exchange";
import { keepExchange } from "../activity/http-exchange-store";
import { CORRELATION_HEADER } from "./error-uri";
import { UnknownTenant } from "./errors";
import { newCorrelationId, oauthErrorResponse } from "./oauth-response";

type TenantParams = { params: Promise<{ tenant: string }> };

interface TenantRouteOptions {
  /**
   * Answers the common case in fewer database calls, before the tenant check (its own read proves the tenant), from
   * the request's headers and the body already read into the snapshot (it must not read the request's body); null
   * hands the request to the tenant check and the handler as if it had not run. It may keep the exchange itself (in
   * its own write) and mark the answer so (http-exchange-store.ts `markKept`).
   */
  fastPath?: (
    databases: { db: Db; lean: LeanDb },
    tenantId: string,
    request: Request,
    snapshot: RequestSnapshot,
  ) => Promise<Response | null>;
}

export function tenantRoute(handler: (db: Db, tenantId: string, request: Request) => Promise<Response>, options: TenantRouteOptions = {}) {
  return async (request: Request, { params }: TenantParams): Promise<Response> => {
    const { tenant } = await params;
    const snapshot = await snapshotRequest(request);
    let response: Response;
    try {
      const fast = options.fastPath ? await options.fastPath({ db, lean }, tenant, request, snapshot) : null;
      if (fast) response = fast;
      else {
        if (!(await findTenant(db, tenant))) throw new UnknownTenant(`there is no tenant "${tenant}" on this server`);
        response = await handler(db, tenant, request);
      }
    } catch (failure) {
      response = await oauthErrorResponse(db, failure, {
        endpoint: new URL(request.url).pathname.split("/").pop() || "oauth",
        tenantId: tenant,
        correlationId: newCorrelationId(),
      });
    }
    if (!response.headers.has(CORRELATION_HEADER)) response.headers.set(CORRELATION_HEADER, newCorrelationId());
    logExchange(request, response.status, response.headers.get(CORRELATION_HEADER)!);
    await keepExchange(tenant, snapshot, response);
    return response;
  };
}
