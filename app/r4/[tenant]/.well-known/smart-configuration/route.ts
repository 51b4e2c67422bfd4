// GET /r4/{t}/.well-known/smart-configuration — SMART discovery, computed from the tenant's settings.
import { smartConfiguration } from "@/lib/oauth/discovery";
import { CORS_HEADERS, preflight } from "@/lib/oauth/oauth-response";
import { tenantRoute } from "@/lib/oauth/tenant-route";
import { readSettings } from "@/lib/settings/tenant-settings";

export const GET = tenantRoute(async (db, tenantId) =>
  Response.json(smartConfiguration(tenantId, await readSettings(db, tenantId)), { headers: CORS_HEADERS }),
);
export const OPTIONS = preflight;
