// Console sign-in with SANDBOX_ADMIN_PASSWORD, rate-limited like the patient sign-in: every attempt is recorded
// before the password is compared and counted in the same transaction, so a burst cannot get more than
// CONSOLE_LOCKOUT_FAILURES comparisons in the window, wherever (whichever instance) they arrive.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { lockForTransaction } from "../db/locks";
import { adminCookieValue, adminPassword, passwordMatches } from "./admin-access";

export const CONSOLE_LOCKOUT_FAILURES = 5;
export const CONSOLE_LOCKOUT_WINDOW_MS = 15 * 60_000;
/** Console attempts share the sign-in attempts table under a tenant id no tenant can have. */
const CONSOLE_SCOPE = { tenantId: "console", username: "admin" } as const;

export type ConsoleSignIn = { ok: true; cookieValue: string } | { ok: false; reason: "wrong" | "locked" | "open" };

export async function signInToConsole(db: Db, presented: string): Promise<ConsoleSignIn> {
  const password = adminPassword();
  if (!password) return { ok: false, reason: "open" };
  const attemptId = randomUUID();
  const admitted = await db.$transaction(async (tx) => {
    await lockForTransaction(tx, "console-sign-in");
    const at = new Date();
    await tx.loginAttempt.create({ data: { id: attemptId, ...CONSOLE_SCOPE, succeeded: false, at } });
    const failures = await tx.loginAttempt.count({
      where: { ...CONSOLE_SCOPE, succeeded: false, at: { gte: new Date(at.getTime() - CONSOLE_LOCKOUT_WINDOW_MS) } },
    });
    return failures <= CONSOLE_LOCKOUT_FAILURES;
  });
  if (!admitted) return { ok: false, reason: "locked" };
  if (!passwordMatches(presented)) return { ok: false, reason: "wrong" };
  await db.loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
  return { ok: true, cookieValue: await adminCookieValue(db, password) };
}
