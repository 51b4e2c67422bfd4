// GET /api/sandbox/tenants/{t}/grants/{id}/har: the grant's HTTP exchanges as HAR 1.2, secrets redacted.
import { grantHarRoute } from "@/lib/http/routes/exchange-routes";

export const dynamic = "force-dynamic";
export const GET = grantHarRoute.GET;
