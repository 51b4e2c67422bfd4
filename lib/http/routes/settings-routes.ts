// GET …/settings — the tenant's settings; PATCH with any subset to change them.
import "server-only";
import { db } from "../../db/client";
import { recordEvent } from "../../activity/record-event";
import { sandboxNow } from "../../clock/sandbox-clock";
import { readSettings, settingsUpdateSchema } from "../../settings/tenant-settings";
import { updateSettings } from "../../tenant-admin/update-settings";
import { json, readJson } from "../control-api";
import { readQuery, tenantControl } from "../tenant-control";

export const settingsRoutes = {
  GET: tenantControl(async (_request, { tenantId, query }) => {
    readQuery(query, {});
    return json(await readSettings(db, tenantId));
  }),
  PATCH: tenantControl(async (request, { tenantId, query }) => {
    readQuery(query, {});
    const update = await readJson(request, settingsUpdateSchema);
    const settings = await updateSettings(db, tenantId, update);
    await recordEvent(db, { type: "settings.updated", tenantId, payload: { changed: update }, sandboxAt: await sandboxNow(db, tenantId) });
    return json(settings);
  }),
};
