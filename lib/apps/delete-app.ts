// RFC 7592 client configuration: the registration access token (only its hash is stored) lets the app that
// registered read its registration and delete itself. Deleting an app ends its grants and tokens with it.
import { timingSafeEqual } from "node:crypto";
import type { Db, DbOrTransaction } from "../db/client";
import { eventCreate } from "../activity/record-event";
import { sandboxNow } from "../clock/sandbox-clock";
import { hashToken } from "../secrets/hashing";

export async function appForRegistrationToken(db: Db, tenantId: string, clientId: string, authorization: string | null) {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "")?.[1];
  const client = await db.client.findUnique({ where: { id: clientId }, omit: { registrationTokenHash: false } });
  if (!token || !client || client.tenantId !== tenantId || !client.registrationTokenHash) return null;
  const given = Buffer.from(hashToken(token));
  const stored = Buffer.from(client.registrationTokenHash);
  return given.length === stored.length && timingSafeEqual(given, stored) ? client : null;
}

/** Everything that belongs to these apps, the apps included, child rows first; answers how many grants ended. */
export async function deleteAppRows(tx: DbOrTransaction, clientIds: string[]): Promise<number> {
  const clientId = { in: clientIds };
  const grants = (await tx.grant.findMany({ where: { clientId }, select: { id: true } })).map((grant) => grant.id);
  await tx.accessToken.deleteMany({ where: { grantId: { in: grants } } });
  await tx.retiredRefreshToken.deleteMany({ where: { grantId: { in: grants } } });
  await tx.authorizationCode.deleteMany({ where: { clientId } });
  await tx.grant.deleteMany({ where: { clientId } });
  await tx.authorizationRequest.deleteMany({ where: { clientId } });
  await tx.queuedFault.deleteMany({ where: { clientId } });
  await tx.trustCheck.deleteMany({ where: { clientId } });
  await tx.trustHost.deleteMany({ where: { clientId } });
  await tx.client.deleteMany({ where: { id: clientId } });
  return grants.length;
}

export async function deleteApp(db: Db, tenantId: string, clientId: string): Promise<void> {
  const now = await sandboxNow(db, tenantId);
  await db.$transaction(async (tx) => {
    const grantsEnded = await deleteAppRows(tx, [clientId]);
    await eventCreate(tx, { type: "client.deleted", tenantId, clientId, sandboxAt: now, payload: { grantsEnded } });
  });
}
