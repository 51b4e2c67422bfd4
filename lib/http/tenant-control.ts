// The tenant a control-API request acts on. The one documented way is the path, `/api/sandbox/tenants/{t}/…`;
// the older routes without it act on the default tenant (and still honour `?tenant=` for compatibility).
// Query parameters are validated too: an unknown one is refused, never silently ignored.
import "server-only";
import { z } from "zod";
import { containsNul } from "../util/nul-characters";
import { db } from "../db/client";
import { DEFAULT_TENANT } from "../personas/personas";
import { findTenant } from "../tenancy/tenants";
import { ControlApiError, controlApi } from "./control-api";

export interface TenantScope<P> {
  tenantId: string;
  params: P;
  query: URLSearchParams;
}

type Params = Record<string, string>;

/** A control-API handler for one tenant: resolves and checks the tenant, then runs the handler. */
export function tenantControl<P extends Params = Params>(handler: (request: Request, scope: TenantScope<P>) => Promise<Response>) {
  return controlApi(async (request: Request, context: { params?: Promise<P & { tenant?: string }> }) => {
    // Routes without dynamic segments get no params at all in production builds.
    const params = ((await context?.params) ?? {}) as P & { tenant?: string };
    const query = new URL(request.url).searchParams;
    const legacy = params.tenant === undefined ? query.get("tenant") : null;
    query.delete("tenant");
    if (containsNul(params) || containsNul(Object.fromEntries(query)))
      throw new ControlApiError(400, "invalid_request", "the path or query contains a NUL character");
    const tenantId = params.tenant ?? legacy ?? DEFAULT_TENANT.id;
    if (!(await findTenant(db, tenantId))) throw new ControlApiError(404, "not_found", `no tenant with id "${tenantId}"`);
    return handler(request, { tenantId, params, query });
  });
}

/** Validates the query string against a strict schema (unknown parameters are refused). */
export function readQuery<T extends z.ZodRawShape>(query: URLSearchParams, shape: T): z.infer<z.ZodObject<T>> {
  const parsed = z.object(shape).strict().safeParse(Object.fromEntries(query));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown query parameter(s) ${issue.keys.map((key) => `"${key}"`).join(", ")}`
        : `${issue.path.join(".") || "query"}: ${issue.message}`,
    );
    throw new ControlApiError(400, "invalid_request", problems.join("; "), { problems });
  }
  return parsed.data;
}

/** An app of this tenant, or 404: client ids are global, but a tenant's routes only reach its own apps. */
export async function appOfTenant(tenantId: string, clientId: string) {
  const client = await db.client.findUnique({ where: { id: clientId } });
  if (!client || client.tenantId !== tenantId)
    throw new ControlApiError(404, "not_found", `no app with client_id "${clientId}" in this tenant`);
  return client;
}
