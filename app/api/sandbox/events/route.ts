// GET /api/sandbox/events: the default tenant's activity as a plain array (older form; see …/tenants/{t}/events).
import { legacyEventsRoute } from "@/lib/http/routes/events-route";

export const dynamic = "force-dynamic";
export const GET = legacyEventsRoute.GET;
