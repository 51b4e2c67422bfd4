// GET /api/sandbox/settings[?tenant=<id>] — the tenant's settings; PATCH with any subset to change them.
import { db } from "@/lib/db/client";
import { ControlApiError, controlApi, json, readJson } from "@/lib/http/control-api";
import { DEFAULT_TENANT } from "@/lib/seed/personas";
import { readSettings, settingsUpdateSchema, updateSettings } from "@/lib/settings/tenant-settings";
import { recordEvent } from "@/lib/activity/record-event";
import { sandboxNow } from "@/lib/clock/sandbox-clock";

export const dynamic = "force-dynamic";

async function tenantOf(request: Request): Promise<string> {
  const tenantId = new URL(request.url).searchParams.get("tenant") ?? DEFAULT_TENANT.id;
  if (!(await db.tenant.findUnique({ where: { id: tenantId } }))) throw new ControlApiError(404, "not_found", `no tenant with id "${tenantId}"`);
  return tenantId;
}

export const GET = controlApi(async (request) => json(await readSettings(db, await tenantOf(request))));

export const PATCH = controlApi(async (request) => {
  const tenantId = await tenantOf(request);
  const update = await readJson(request, settingsUpdateSchema);
  const settings = await updateSettings(db, tenantId, update);
  await recordEvent(db, { type: "settings.updated", tenantId, payload: { changed: update }, sandboxAt: await sandboxNow(db) });
  return json(settings);
});
