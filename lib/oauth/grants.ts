// Grants: what a patient approved for an app, with the trust snapshot taken then. Status changes are
// conditional updates, so concurrent requests change a grant at most once, and each change is logged.
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { eventCreate } from "../activity/record-event";
import type { TrustChange, TrustSnapshot } from "../trust/types";

export type GrantStatus = "active" | "suspended" | "revoked";

export interface Suspension {
  changes: TrustChange[];
  correlationId: string;
  snapshotAfter: TrustSnapshot;
}

type GrantRow = NonNullable<Awaited<ReturnType<Db["grant"]["findUnique"]>>>;

function grantEvent(db: Db, grant: GrantRow, type: string, sandboxAt: Date, payload: Record<string, unknown>, correlationId?: string) {
  return eventCreate(db, { type, tenantId: grant.tenantId, clientId: grant.clientId, grantId: grant.id, patientId: grant.patientId, correlationId, sandboxAt, payload });
}

/** Suspends an active grant; returns false when another request already changed it. */
export async function suspendGrant(db: Db, grant: GrantRow, suspension: Suspension, now: Date): Promise<boolean> {
  const updated = await db.grant.updateMany({
    where: { id: grant.id, status: "active" },
    data: { status: "suspended", suspendedAt: now, suspension: suspension as unknown as Prisma.InputJsonValue },
  });
  if (updated.count === 0) return false;
  await grantEvent(db, grant, "grant.suspended", now, { changes: suspension.changes, before: grant.snapshot, after: suspension.snapshotAfter }, suspension.correlationId);
  return true;
}

/** Revokes a grant and every access token issued under it. Revoking twice changes nothing. */
export async function revokeGrant(db: Db, grant: GrantRow, reason: string, now: Date, eventType = "grant.revoked", correlationId?: string): Promise<boolean> {
  const [updated] = await db.$transaction([
    db.grant.updateMany({ where: { id: grant.id, status: { not: "revoked" } }, data: { status: "revoked", revokedAt: now, revokedReason: reason } }),
    db.accessToken.updateMany({ where: { grantId: grant.id }, data: { revoked: true } }),
  ]);
  if (updated.count === 0) return false;
  await grantEvent(db, grant, eventType, now, { reason, previousStatus: grant.status }, correlationId);
  return true;
}
