// …/settings: read (GET) and change (PATCH) the tenant's settings. See lib/http/routes/settings-routes.ts.
import { settingsRoutes } from "@/lib/http/routes/settings-routes";
export const dynamic = "force-dynamic";
export const GET = settingsRoutes.GET;
export const PATCH = settingsRoutes.PATCH;
