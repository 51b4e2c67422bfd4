// The console's lists of apps: every registered app with its trust label and active grants (the Apps page), and a
// tenant's apps with their primary redirect URI (the "Check my app" picker). Plain objects, no secret columns.
import "server-only";
import type { Db } from "../db/client";
import { evaluateTrust } from "../trust/evaluate-trust";

export interface AppRow {
  id: string;
  clientName: string;
  label: "verified" | "unknown";
  activeGrants: number;
}

export async function appRows(db: Db): Promise<AppRow[]> {
  const clients = await db.client.findMany({ select: { id: true, clientName: true }, orderBy: { createdAt: "asc" } });
  return Promise.all(
    clients.map(async (client) => ({
      ...client,
      label: (await evaluateTrust(db, client.id, { mode: "inspect" }).catch(() => null))?.verdict.label ?? "unknown",
      activeGrants: await db.grant.count({ where: { clientId: client.id, status: "active" } }),
    })),
  );
}

export async function appsToCheck(db: Db, tenantId: string): Promise<{ id: string; name: string; redirectUri: string }[]> {
  const clients = await db.client.findMany({
    where: { tenantId },
    select: { id: true, clientName: true, redirectUris: true },
    orderBy: { clientName: "asc" },
  });
  return clients.map((client) => ({ id: client.id, name: client.clientName, redirectUri: (client.redirectUris as string[])[0] ?? "" }));
}
