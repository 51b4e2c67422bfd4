// GET /api/sandbox/tenants/{t}/grants?client_id=&status=; POST approves headlessly. See lib/http/routes/grant-routes.ts.
import { grantsRoute } from "@/lib/http/routes/grant-routes";

export const dynamic = "force-dynamic";
export const GET = grantsRoute.GET;
export const POST = grantsRoute.POST;
