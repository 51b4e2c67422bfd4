// Changing a tenant's settings, with what a change implies for its apps (the public-suffix rule re-derives every
// app's registrable domain). It sits above both lib/settings and lib/trust, which it joins.
import type { z } from "zod";
import type { Db } from "../db/client";
import { readSettings, storeSettings, type settingsUpdateSchema, type TenantSettings } from "../settings/tenant-settings";
import { applyPublicSuffixRule } from "../trust/public-suffix-change";

export async function updateSettings(db: Db, tenantId: string, update: z.infer<typeof settingsUpdateSchema>): Promise<TenantSettings> {
  await storeSettings(db, tenantId, update);
  if (update.publicSuffixRule) await applyPublicSuffixRule(db, tenantId, update.publicSuffixRule);
  return readSettings(db, tenantId);
}
