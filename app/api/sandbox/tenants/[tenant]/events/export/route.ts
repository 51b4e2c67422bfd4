// GET /api/sandbox/tenants/{t}/events/export: the tenant's activity as JSON Lines, redacted, oldest first.
import { eventExportRoute } from "@/lib/http/routes/events-route";

export const dynamic = "force-dynamic";
export const GET = eventExportRoute.GET;
