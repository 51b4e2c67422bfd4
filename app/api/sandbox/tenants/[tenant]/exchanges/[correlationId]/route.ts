// GET /api/sandbox/tenants/{t}/exchanges/{correlationId}: one kept HTTP exchange, secrets redacted.
import { exchangeRoute } from "@/lib/http/routes/exchange-routes";

export const dynamic = "force-dynamic";
export const GET = exchangeRoute.GET;
