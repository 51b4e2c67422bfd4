// POST …/apps/{clientId}/scenarios {"scenario"}: apply one scenario to the app's world.
import { appScenarioRoute } from "@/lib/http/routes/app-trust-routes";
export const POST = appScenarioRoute.POST;
