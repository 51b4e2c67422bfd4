// POST …/apps/{clientId}/next-token {"answer","count"}: the app's next token requests answer that fault.
import { nextTokenRoute } from "@/lib/http/routes/fault-routes";
export const POST = nextTokenRoute.POST;
