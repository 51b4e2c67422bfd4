// Bounded growth: a periodic sweep removes what nobody can use any more — events, kept HTTP exchanges and error pages past the tenant's
// retention (real time: moving the sandbox clock must not wipe what a test is about to read), events beyond the
// tenant's maximum, access-token records long expired, answered or abandoned authorization requests, old sign-in
// attempts. Every step is an idempotent delete, so several instances may sweep at once.
import type { Db } from "../db/client";
import { readSettings } from "../settings/tenant-settings";

const DAY_MS = 86_400_000;
/** Expired access tokens, finished authorization requests and sign-in attempts are kept this long for debugging. */
const SHORT_LIVED_KEEP_MS = DAY_MS;

export interface SweepResult {
  events: number;
  httpExchanges: number;
  errorInstances: number;
  accessTokens: number;
  authorizationRequests: number;
  loginAttempts: number;
}

export async function sweepRetention(db: Db, now = new Date()): Promise<SweepResult> {
  const result: SweepResult = {
    events: 0,
    httpExchanges: 0,
    errorInstances: 0,
    accessTokens: 0,
    authorizationRequests: 0,
    loginAttempts: 0,
  };
  for (const { id: tenantId } of await db.tenant.findMany({ select: { id: true } })) {
    const { activityRetentionDays, activityMaxEvents } = await readSettings(db, tenantId);
    const cutoff = new Date(now.getTime() - activityRetentionDays * DAY_MS);
    result.events += (await db.event.deleteMany({ where: { tenantId, createdAt: { lt: cutoff } } })).count;
    result.errorInstances += (await db.errorInstance.deleteMany({ where: { tenantId, createdAt: { lt: cutoff } } })).count;
    result.httpExchanges += (await db.httpExchange.deleteMany({ where: { tenantId, startedAt: { lt: cutoff } } })).count;
    // The newest activityMaxEvents stay: everything older than the oldest of them goes.
    const boundary = await db.event.findFirst({
      where: { tenantId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: activityMaxEvents - 1,
      select: { createdAt: true },
    });
    if (boundary) result.events += (await db.event.deleteMany({ where: { tenantId, createdAt: { lt: boundary.createdAt } } })).count;
    // Exchanges are bounded the same way (one per request, as events roughly are).
    const exchangeBoundary = await db.httpExchange.findFirst({
      where: { tenantId },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      skip: activityMaxEvents - 1,
      select: { startedAt: true },
    });
    if (exchangeBoundary)
      result.httpExchanges += (
        await db.httpExchange.deleteMany({ where: { tenantId, startedAt: { lt: exchangeBoundary.startedAt } } })
      ).count;
  }
  // Token expiry, request expiry and attempt times are on tenant clocks; the earliest clock decides what is old.
  const earliestOffset = (await db.sandboxClock.aggregate({ _min: { offsetSeconds: true } }))._min.offsetSeconds ?? 0;
  const sandboxCutoff = new Date(now.getTime() + Math.min(0, earliestOffset) * 1000 - SHORT_LIVED_KEEP_MS);
  const realCutoff = new Date(now.getTime() - SHORT_LIVED_KEEP_MS);
  result.accessTokens = (await db.accessToken.deleteMany({ where: { expiresAt: { lt: sandboxCutoff } } })).count;
  result.authorizationRequests = (
    await db.authorizationRequest.deleteMany({ where: { OR: [{ completedAt: { lt: realCutoff } }, { expiresAt: { lt: sandboxCutoff } }] } })
  ).count;
  result.loginAttempts = (await db.loginAttempt.deleteMany({ where: { at: { lt: sandboxCutoff } } })).count;
  return result;
}
