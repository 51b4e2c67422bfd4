// POST …/apps/{clientId}/next-authorize {"answer","count"}: the app's next authorize requests redirect back with that error.
import { nextAuthorizeRoute } from "@/lib/http/routes/fault-routes";
export const POST = nextAuthorizeRoute.POST;
