// …/clock: the tenant's sandbox time (GET), advance / set / reset (POST). See lib/http/routes/clock-routes.ts.
import { clockRoutes } from "@/lib/http/routes/clock-routes";
export const dynamic = "force-dynamic";
export const GET = clockRoutes.GET;
export const POST = clockRoutes.POST;
