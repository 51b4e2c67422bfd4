// PATCH …/apps/{clientId}/world: custom edit of the app's world.
import { appWorldRoute } from "@/lib/http/routes/app-trust-routes";
export const PATCH = appWorldRoute.PATCH;
