// GET …/apps/{clientId}/trust: the app's trust as it is now.
import { appTrustRoute } from "@/lib/http/routes/app-trust-routes";
export const dynamic = "force-dynamic";
export const GET = appTrustRoute.GET;
