// One transaction per token response. The grant is re-checked inside it (still active; on refresh, still holding
// the presented refresh token), then the code claim, the grant update, the access-token record and the events are
// written together. A request that loses a race to a revoke, a suspension, a rotation or another use of the same
// code writes nothing and answers an error — never 200.
import type { Db, Prisma } from "../../db/client";
import { eventCreate, type EventInput } from "../../activity/record-event";

export type IssuanceConflictReason = "code-already-used" | "grant-changed";

export class IssuanceConflict extends Error {
  override name = "IssuanceConflict";
  constructor(readonly reason: IssuanceConflictReason) {
    super(reason);
  }
}

export interface Issuance {
  grantId: string;
  at: Date;
  /** Code exchange: the code is marked used here, and only here. */
  claimCodeHash?: string;
  /** Refresh: the grant must still hold this refresh token. */
  presentedRefreshTokenHash?: string;
  /** Rotation: the presented token is kept as retired, so presenting it again is detected as reuse. */
  retireRefreshToken?: boolean;
  grantUpdate: Prisma.GrantUpdateManyMutationInput;
  accessToken: { jti: string; expiresAt: Date };
  events: EventInput[];
}

export async function commitIssuance(db: Db, issuance: Issuance): Promise<void> {
  await db.$transaction(async (tx) => {
    if (issuance.claimCodeHash) {
      const claimed = await tx.authorizationCode.updateMany({
        where: { codeHash: issuance.claimCodeHash, usedAt: null },
        data: { usedAt: issuance.at },
      });
      if (claimed.count === 0) throw new IssuanceConflict("code-already-used");
    }
    const presented = issuance.presentedRefreshTokenHash;
    const updated = await tx.grant.updateMany({
      where: { id: issuance.grantId, status: "active", ...(presented ? { refreshTokenHash: presented } : {}) },
      data: issuance.grantUpdate,
    });
    if (updated.count === 0) throw new IssuanceConflict("grant-changed");
    if (presented && issuance.retireRefreshToken) {
      await tx.retiredRefreshToken.create({ data: { tokenHash: presented, grantId: issuance.grantId, retiredAt: issuance.at } });
    }
    await tx.accessToken.create({
      data: { jti: issuance.accessToken.jti, grantId: issuance.grantId, expiresAt: issuance.accessToken.expiresAt },
    });
    for (const event of issuance.events) await eventCreate(tx, event);
  });
}
