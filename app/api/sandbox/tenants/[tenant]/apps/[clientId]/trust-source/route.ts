// PUT …/apps/{clientId}/trust-source {"source": "simulated" | "live"}: where the app's trust checks look.
import { appTrustSourceRoute } from "@/lib/http/routes/app-trust-routes";
export const PUT = appTrustSourceRoute.PUT;
