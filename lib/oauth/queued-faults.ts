// One-shot faults for scripted tests (in the spirit of mock-oauth2-server's enqueueCallback): the next N
// requests of one client at the token or authorize endpoint answer a chosen error, then normal service resumes.
// Queued in the database, so every instance serves the queue once between them.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { lockForTransaction } from "../db/locks";

export const TOKEN_FAULTS = ["suspended", "revoked", "invalid_client", "server_error", "slow"] as const;
export const AUTHORIZE_FAULTS = ["access_denied", "invalid_scope", "server_error"] as const;
export type TokenFault = (typeof TOKEN_FAULTS)[number];
export type AuthorizeFault = (typeof AUTHORIZE_FAULTS)[number];
export type FaultEndpoint = "token" | "authorize";

/** How long a `slow` answer waits before the request is served normally. */
export const SLOW_FAULT_MS = 3_000;

export async function enqueueFault(
  db: Db,
  input: { tenantId: string; clientId: string; endpoint: FaultEndpoint; answer: string; count: number },
) {
  return db.queuedFault.create({
    data: {
      id: randomUUID(),
      tenantId: input.tenantId,
      clientId: input.clientId,
      endpoint: input.endpoint,
      answer: input.answer,
      remaining: input.count,
    },
  });
}

/** Takes one answer off the client's queue for this endpoint, or null when nothing is queued. */
export async function takeFault(db: Db, clientId: string, endpoint: FaultEndpoint): Promise<string | null> {
  // The common case (nothing queued) costs one indexed read and no transaction.
  if (!(await db.queuedFault.findFirst({ where: { clientId, endpoint }, select: { id: true } }))) return null;
  return db.$transaction(async (tx) => {
    await lockForTransaction(tx, `fault:${clientId}:${endpoint}`);
    const next = await tx.queuedFault.findFirst({ where: { clientId, endpoint, remaining: { gt: 0 } }, orderBy: { createdAt: "asc" } });
    if (!next) return null;
    if (next.remaining <= 1) await tx.queuedFault.delete({ where: { id: next.id } });
    else await tx.queuedFault.update({ where: { id: next.id }, data: { remaining: { decrement: 1 } } });
    return next.answer;
  });
}

export async function pendingFaults(db: Db, clientId: string, endpoint: FaultEndpoint): Promise<number> {
  const rows = await db.queuedFault.findMany({ where: { clientId, endpoint }, select: { remaining: true } });
  return rows.reduce((sum, row) => sum + row.remaining, 0);
}
