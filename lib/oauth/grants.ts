// Grants: what a patient approved for an app, with the trust snapshot taken then. Every status change is a
// conditional update in one transaction with its event, so concurrent requests change a grant at most once
// and the activity log never shows a change that did not happen (or misses one that did).
import type { Db, DbOrTransaction } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { eventCreate } from "../activity/record-event";
import type { TrustChange, TrustSnapshot } from "../trust/types";

export type GrantStatus = "active" | "suspended" | "revoked";
export type GrantRow = NonNullable<Awaited<ReturnType<Db["grant"]["findUnique"]>>>;

export interface Suspension {
  changes: TrustChange[];
  correlationId: string;
  snapshotAfter: TrustSnapshot;
}

export function grantEvent(
  db: DbOrTransaction,
  grant: GrantRow,
  type: string,
  sandboxAt: Date,
  payload: Record<string, unknown>,
  correlationId?: string,
) {
  return eventCreate(db, {
    type,
    tenantId: grant.tenantId,
    clientId: grant.clientId,
    grantId: grant.id,
    patientId: grant.patientId,
    correlationId,
    sandboxAt,
    payload,
  });
}

/** Suspends an active grant; returns false when another request already changed it. */
export async function suspendGrant(db: Db, grant: GrantRow, suspension: Suspension, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.grant.updateMany({
      where: { id: grant.id, status: "active" },
      data: { status: "suspended", suspendedAt: now, suspension: suspension as unknown as Prisma.InputJsonValue },
    });
    if (updated.count === 0) return false;
    await grantEvent(
      tx,
      grant,
      "grant.suspended",
      now,
      { changes: suspension.changes, before: grant.snapshot, after: suspension.snapshotAfter },
      suspension.correlationId,
    );
    return true;
  });
}

/** Revokes a grant and every access token issued under it. Revoking twice changes nothing. */
export async function revokeGrant(
  db: Db,
  grant: GrantRow,
  reason: string,
  now: Date,
  eventType = "grant.revoked",
  correlationId?: string,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.grant.updateMany({
      where: { id: grant.id, status: { not: "revoked" } },
      data: { status: "revoked", revokedAt: now, revokedReason: reason },
    });
    if (updated.count === 0) return false;
    await tx.accessToken.updateMany({ where: { grantId: grant.id }, data: { revoked: true } });
    await grantEvent(tx, grant, eventType, now, { reason, previousStatus: grant.status }, correlationId);
    return true;
  });
}

/**
 * Makes a suspended grant active again with a fresh snapshot (the patient re-approved, or the console reinstated
 * it): the same refresh token works again. Returns false when the grant was no longer suspended.
 */
export async function reactivateGrant(
  db: Db,
  grant: GrantRow,
  trust: { snapshot: TrustSnapshot; snapshotHash: string },
  now: Date,
  event: { type: string; payload: Record<string, unknown> },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.grant.updateMany({
      where: { id: grant.id, status: "suspended" },
      data: {
        status: "active",
        snapshot: trust.snapshot as unknown as Prisma.InputJsonValue,
        snapshotHash: trust.snapshotHash,
        approvedAt: now,
        lastUsedAt: now,
        suspendedAt: null,
      },
    });
    if (updated.count === 0) return false;
    await grantEvent(tx, grant, event.type, now, event.payload);
    return true;
  });
}
