// POST /api/sandbox/tenants/{t}/grants/{id}/{suspend|reapprove|reinstate|revoke|age}.
import { grantActionRoute } from "@/lib/http/routes/grant-routes";

export const POST = grantActionRoute.POST;
