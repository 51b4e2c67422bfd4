// GET /api/sandbox/tenants/{t}/events: the tenant's activity, newest first, keyset-paged. See lib/http/routes/events-route.ts.
import { eventsRoute } from "@/lib/http/routes/events-route";

export const dynamic = "force-dynamic";
export const GET = eventsRoute.GET;
