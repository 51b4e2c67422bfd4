// GET /api/sandbox/tenants/{t}/grants/{id}: one grant.
import { grantRoute } from "@/lib/http/routes/grant-routes";

export const dynamic = "force-dynamic";
export const GET = grantRoute.GET;
