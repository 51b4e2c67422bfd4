// Puts one tenant back to its starting state: its apps, grants, sessions, activity and simulated worlds go, its
// clock returns to real time and its settings to the ones it started with. The default tenant is then seeded
// again (demo app included). Other tenants, the CAs, signing keys and generated secrets stay.
import type { Db } from "../db/client";
import { resetTenant } from "./tenant-lifecycle";
import { DEFAULT_TENANT } from "../personas/personas";
import { seedSandbox } from "../seed/seed-sandbox";

export async function resetSandboxTenant(db: Db, tenantId: string, options: { publicUrl: string }): Promise<void> {
  await resetTenant(db, tenantId);
  if (tenantId === DEFAULT_TENANT.id) await seedSandbox(db, options);
}
