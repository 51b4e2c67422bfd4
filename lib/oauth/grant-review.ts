// What a patient can do about a grant from the error_uri page or the authorization manager: re-approve a
// suspended grant (fresh snapshot, same refresh token works again), keep it paused, or revoke it.
// Only a person with access to the grant's patient may act; every refusal leaves the grant unchanged.
import { GRANT_END_REASONS } from "./grant-end-reasons";
import type { Db } from "../db/client";
import { recordEvent } from "../activity/record-event";
import { sandboxNow } from "../clock/sandbox-clock";
import { evaluateTrust } from "../trust/evaluate-trust";
import { reactivateGrant, revokeGrant } from "./grants";
import { expiryReason } from "./token/refresh-token-grant";

/** What a review action did; the patient pages word each one (REVIEW_MESSAGES in lib/wording/patient-wording.ts). */
export type ReviewOutcome =
  | "reapproved"
  | "kept-paused"
  | "revoked"
  | "no-access"
  | "was-revoked"
  | "already-active"
  | "already-revoked"
  | "not-suspended"
  | "expired-form"
  | "expired";

async function grantFor(db: Db, grantId: string, personId: string) {
  const grant = await db.grant.findUnique({ where: { id: grantId } });
  if (!grant) return null;
  const access = await db.patientAccess.findUnique({ where: { personId_patientId: { personId, patientId: grant.patientId } } });
  return access ? grant : null;
}

export async function mayReview(db: Db, grantId: string, personId: string): Promise<boolean> {
  return (await grantFor(db, grantId, personId)) !== null;
}

export async function reapproveGrant(db: Db, grantId: string, personId: string): Promise<ReviewOutcome> {
  const grant = await grantFor(db, grantId, personId);
  if (!grant) return "no-access";
  if (grant.status === "revoked") return "was-revoked";
  if (grant.status === "active") return "already-active";
  const now = await sandboxNow(db, grant.tenantId);
  // Expiry comes before the status: a suspended grant unused for more than 90 days has ended for good.
  const expired = await expiryReason(db, grant, now);
  if (expired) {
    await revokeGrant(db, grant, expired, now, "grant.expired");
    return grant.accessKind === "offline" ? "expired" : "was-revoked";
  }
  const trust = await evaluateTrust(db, grant.clientId, { at: now });
  const reactivated = await reactivateGrant(db, grant, trust, now, {
    type: "grant.reapproved",
    payload: { personId, before: grant.snapshot, after: trust.snapshot, snapshotHash: trust.snapshotHash },
  });
  return reactivated ? "reapproved" : "already-active";
}

export async function keepGrantSuspended(db: Db, grantId: string, personId: string): Promise<ReviewOutcome> {
  const grant = await grantFor(db, grantId, personId);
  if (!grant) return "no-access";
  if (grant.status !== "suspended") return "not-suspended";
  await recordEvent(db, {
    type: "grant.kept_suspended",
    tenantId: grant.tenantId,
    clientId: grant.clientId,
    grantId: grant.id,
    patientId: grant.patientId,
    sandboxAt: await sandboxNow(db, grant.tenantId),
    payload: { personId },
  });
  return "kept-paused";
}

export async function revokeGrantAsPatient(db: Db, grantId: string, personId: string): Promise<ReviewOutcome> {
  const grant = await grantFor(db, grantId, personId);
  if (!grant) return "no-access";
  if (grant.status === "revoked") return "already-revoked";
  await revokeGrant(db, grant, GRANT_END_REASONS.byPatient, await sandboxNow(db, grant.tenantId));
  return "revoked";
}
