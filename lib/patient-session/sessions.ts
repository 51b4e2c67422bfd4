// Patient sign-in sessions: password check with a per-tenant lockout (by default 5 failures in 15 minutes), a random session
// token (only its hash stored) carried in an HMAC-signed cookie, and sign-out that ends online_access grants.
import { GRANT_END_REASONS } from "../oauth/grant-end-reasons";
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client";
import { recordEvent } from "../activity/record-event";
import { sandboxNow } from "../clock/sandbox-clock";
import { revokeGrant } from "../oauth/grants";
import { readSettings } from "../settings/tenant-settings";
import { lockForTransaction } from "../db/locks";
import { ensureSecret } from "../secrets/sandbox-secrets";
import { hashToken, randomToken, verifySecret } from "../secrets/hashing";

export const SESSION_COOKIE = "sts_patient_session";
export const SESSION_LIFETIME_MS = 8 * 3_600_000;

export type SignInResult = { ok: true; cookieValue: string; sessionId: string } | { ok: false; reason: "invalid" | "locked" };

async function sign(db: Db, token: string): Promise<string> {
  return createHmac("sha256", await ensureSecret(db, "session-signing"))
    .update(`session:${token}`)
    .digest("base64url");
}

/**
 * Records the attempt (as a failure until proven otherwise) before any password is checked, and counts the
 * failures in the window including it, in one transaction: a burst of parallel attempts can never get more
 * password checks than the tenant's loginLockoutFailures, and a right password inside a locked window is refused too.
 */
async function admitAttempt(db: Db, tenantId: string, username: string): Promise<{ attemptId: string; admitted: boolean }> {
  const attemptId = randomUUID();
  const { loginLockoutFailures: limit, loginLockoutWindowMinutes: windowMinutes } = await readSettings(db, tenantId);
  const admitted = await db.$transaction(async (tx) => {
    await lockForTransaction(tx, `sign-in:${tenantId}:${username}`);
    const at = await sandboxNow(tx, tenantId);
    await tx.loginAttempt.create({ data: { id: attemptId, tenantId, username, succeeded: false, at } });
    if (limit === 0) return true;
    const failures = await tx.loginAttempt.count({
      where: { tenantId, username, succeeded: false, at: { gte: new Date(at.getTime() - windowMinutes * 60_000) } },
    });
    return failures <= limit;
  });
  return { attemptId, admitted };
}

export async function signIn(db: Db, tenantId: string, usernameInput: string, password: string): Promise<SignInResult> {
  const username = usernameInput.trim().toLowerCase();
  const { attemptId, admitted } = await admitAttempt(db, tenantId, username);
  if (!admitted) {
    await recordEvent(db, { type: "session.locked_out", tenantId, sandboxAt: await sandboxNow(db, tenantId), payload: { username } });
    return { ok: false, reason: "locked" };
  }

  const person = await db.person.findUnique({ where: { tenantId_username: { tenantId, username } }, omit: { passwordHash: false } });
  // Hash even for unknown usernames so timing does not tell which usernames exist.
  const valid = person
    ? await verifySecret(password, person.passwordHash)
    : (await verifySecret(password, "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), false);
  if (!person || !valid) {
    await recordEvent(db, {
      type: "session.sign_in_failed",
      tenantId,
      sandboxAt: await sandboxNow(db, tenantId),
      payload: { username, reason: person ? "wrong password" : "unknown username" },
    });
    return { ok: false, reason: "invalid" };
  }
  await db.loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });

  return startSession(db, tenantId, person, "password");
}

/** Opens a session for a person who has been identified (password, login_hint, or the control API). */
export async function startSession(
  db: Db,
  tenantId: string,
  person: { id: string; username: string },
  method: "password" | "login_hint" | "control_api",
): Promise<Extract<SignInResult, { ok: true }>> {
  const token = randomToken();
  const now = await sandboxNow(db, tenantId);
  const session = await db.loginSession.create({
    data: {
      id: randomUUID(),
      tokenHash: hashToken(token),
      tenantId,
      personId: person.id,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
    },
  });
  await recordEvent(db, {
    type: "session.signed_in",
    tenantId,
    sandboxAt: now,
    payload: { username: person.username, personId: person.id, sessionId: session.id, method },
  });
  return { ok: true, cookieValue: `${token}.${await sign(db, token)}`, sessionId: session.id };
}

/** Auto-login for scripted tests: only in a tenant whose `autoLogin` setting is on; null otherwise or for an unknown username. */
export async function signInByLoginHint(db: Db, tenantId: string, loginHint: string): Promise<SignInResult | null> {
  if (!(await readSettings(db, tenantId)).autoLogin) return null;
  const person = await db.person.findUnique({ where: { tenantId_username: { tenantId, username: loginHint.trim().toLowerCase() } } });
  return person ? startSession(db, tenantId, person, "login_hint") : null;
}

export interface PatientSession {
  sessionId: string;
  person: { id: string; username: string; displayName: string; tenantId: string };
}

export async function sessionFromCookie(db: Db, tenantId: string, cookieValue: string | undefined): Promise<PatientSession | null> {
  if (!cookieValue) return null;
  const [token, signature] = cookieValue.split(".");
  if (!token || !signature) return null;
  const expected = Buffer.from(await sign(db, token));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const session = await db.loginSession.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!session || session.tenantId !== tenantId || session.endedAt || session.expiresAt < (await sandboxNow(db, tenantId))) return null;
  const person = await db.person.findUnique({ where: { id: session.personId } });
  if (!person) return null;
  return {
    sessionId: session.id,
    person: { id: person.id, username: person.username, displayName: person.displayName, tenantId: person.tenantId },
  };
}

/** Ends the session and, with it, every online_access grant approved in it. */
export async function signOut(db: Db, tenantId: string, cookieValue: string | undefined): Promise<void> {
  const session = await sessionFromCookie(db, tenantId, cookieValue);
  if (!session) return;
  const now = await sandboxNow(db, tenantId);
  await db.loginSession.update({ where: { id: session.sessionId }, data: { endedAt: now } });
  for (const grant of await db.grant.findMany({
    where: { loginSessionId: session.sessionId, accessKind: "online", status: { not: "revoked" } },
  })) {
    await revokeGrant(db, grant, GRANT_END_REASONS.signedOut, now, "grant.expired");
  }
  await recordEvent(db, {
    type: "session.signed_out",
    tenantId,
    sandboxAt: now,
    payload: { personId: session.person.id, sessionId: session.sessionId },
  });
}

/** The patients a person may act for, with the relationship ("self", "parent"). */
export async function accessiblePatients(db: Db, personId: string) {
  const rows = await db.patientAccess.findMany({
    where: { personId },
    include: { patient: true },
    orderBy: [{ relationship: "desc" }, { patientId: "asc" }],
  });
  return rows.map((row) => ({ ...row.patient, relationship: row.relationship }));
}
