// The console's Grants page as data: the grants (optionally of one app or patient), each with its app's name, the
// tenant's policy, what changed since approval and whether its next use ends it; plus the filter choices.
import "server-only";
import type { Db } from "../db/client";
import { sandboxNow } from "../clock/sandbox-clock";
import { expiryReasons } from "../oauth/token/refresh-token-grant";
import { readSettings } from "../settings/tenant-settings";
import { evaluateTrust } from "../trust/evaluate-trust";
import { compareSnapshots } from "../trust/snapshot";
import type { SuspensionPolicy, TrustChange, TrustSnapshot } from "../trust/types";

export interface GrantRow {
  id: string;
  clientId: string;
  clientName: string;
  patientId: string;
  scope: string;
  accessKind: string;
  status: string;
  createdAt: Date;
  lastUsedAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
  policy: SuspensionPolicy;
  /** What changed since approval under the policy (none when the app's trust cannot be evaluated). */
  changes: TrustChange[];
  /** Why its next use will end it (after a clock jump), or null. */
  endsAtNextUse: string | null;
}

export async function consoleGrants(db: Db, filter: { app?: string; patient?: string }) {
  const grants = await db.grant.findMany({
    where: { ...(filter.app ? { clientId: filter.app } : {}), ...(filter.patient ? { patientId: filter.patient } : {}) },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  const apps = await db.client.findMany({ select: { id: true, clientName: true } });
  const patients = await db.patient.findMany({ select: { id: true, givenName: true, familyName: true }, orderBy: { id: "asc" } });
  const names = new Map(apps.map((app) => [app.id, app.clientName]));
  const evaluations = new Map<string, Awaited<ReturnType<typeof evaluateTrust>> | null>();
  for (const clientId of new Set(grants.map((g) => g.clientId)))
    evaluations.set(clientId, await evaluateTrust(db, clientId, { mode: "inspect" }).catch(() => null));
  const tenants = new Set(grants.map((g) => g.tenantId));
  const policies = new Map<string, SuspensionPolicy>();
  const nows = new Map<string, Date>();
  for (const tenantId of tenants) {
    policies.set(tenantId, (await readSettings(db, tenantId)).suspensionPolicy);
    nows.set(tenantId, await sandboxNow(db, tenantId));
  }
  const endings = await expiryReasons(db, grants, (grant) => nows.get(grant.tenantId)!);
  const rows: GrantRow[] = grants.map((grant) => {
    const current = evaluations.get(grant.clientId);
    const policy = policies.get(grant.tenantId)!;
    return {
      id: grant.id,
      clientId: grant.clientId,
      clientName: names.get(grant.clientId) ?? grant.clientId,
      patientId: grant.patientId,
      scope: grant.scope,
      accessKind: grant.accessKind,
      status: grant.status,
      createdAt: grant.createdAt,
      lastUsedAt: grant.lastUsedAt,
      revokedAt: grant.revokedAt,
      revokedReason: grant.revokedReason,
      policy,
      changes: current ? compareSnapshots(grant.snapshot as unknown as TrustSnapshot, current.snapshot, policy, grant.clientId) : [],
      endsAtNextUse: endings.get(grant.id) ?? null,
    };
  });
  return { rows, apps, patients };
}
