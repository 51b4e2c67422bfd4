// POST …/reset: this tenant back to its starting state. See lib/http/routes/reset-route.ts.
import { resetRoute } from "@/lib/http/routes/reset-route";
export const POST = resetRoute.POST;
