// The tenant's public-suffix rule changed: every app's registrable domain follows at once. A sandbox setting, not a
// change at the app, so cached check results are dropped and the new revision makes remembered evaluations stale.
import type { Db } from "../db/client";
import type { PublicSuffixRule } from "../settings/tenant-settings";
import { registrableDomain } from "./registrable-domain";

export async function applyPublicSuffixRule(db: Db, tenantId: string, rule: PublicSuffixRule): Promise<void> {
  const clients = await db.client.findMany({ where: { tenantId }, select: { id: true } });
  const hosts = await db.trustHost.findMany({
    where: { clientId: { in: clients.map((client) => client.id) } },
    select: { clientId: true, hostname: true, registrableDomain: true },
  });
  const changed = hosts.filter((host) => registrableDomain(host.hostname, rule) !== host.registrableDomain);
  if (changed.length === 0) return;
  await db.$transaction([
    ...changed.map((host) =>
      db.trustHost.update({
        where: { clientId: host.clientId },
        data: { registrableDomain: registrableDomain(host.hostname, rule), revision: { increment: 1 } },
      }),
    ),
    db.trustCheck.deleteMany({ where: { clientId: { in: changed.map((host) => host.clientId) } } }),
  ]);
}
