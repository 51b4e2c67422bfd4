// GET /api/sandbox/tenants/{t}: what the tenant is (URLs, patients, accounts, settings); DELETE removes it and everything in it.
import { tenantRoute } from "@/lib/http/routes/tenant-routes";

export const dynamic = "force-dynamic";
export const GET = tenantRoute.GET;
export const DELETE = tenantRoute.DELETE;
