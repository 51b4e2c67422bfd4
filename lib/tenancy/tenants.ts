// Tenant lookup for routes: ids are UUIDs, anything else is simply not found.
import type { Db } from "../db/client";

export async function findTenant(db: Db, tenantId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(tenantId)) return null;
  return db.tenant.findUnique({ where: { id: tenantId } });
}
