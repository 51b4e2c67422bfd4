// POST /api/sandbox/tenants: a new isolated sandbox (own clock, settings, patients, apps, activity).
import { tenantsRoute } from "@/lib/http/routes/tenant-routes";

export const POST = tenantsRoute.POST;
