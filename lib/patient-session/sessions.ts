// Patient sign-in sessions: password check with a lockout after 5 failures in 15 minutes, a random session
// token (only its hash stored) carried in an HMAC-signed cookie, and sign-out that ends online_access grants.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client";
import { recordEvent } from "../activity/record-event";
import { sandboxNow } from "../clock/sandbox-clock";
import { revokeGrant } from "../oauth/grants";
import { ensureSecret } from "../secrets/sandbox-secrets";
import { hashToken, randomToken, verifySecret } from "../secrets/hashing";

export const SESSION_COOKIE = "sts_patient_session";
export const SESSION_LIFETIME_MS = 8 * 3_600_000;
const LOCKOUT_FAILURES = 5;
const LOCKOUT_WINDOW_MS = 15 * 60_000;

export type SignInResult = { ok: true; cookieValue: string; sessionId: string } | { ok: false; reason: "invalid" | "locked" };

async function sign(db: Db, token: string): Promise<string> {
  return createHmac("sha256", await ensureSecret(db, "session-signing")).update(`session:${token}`).digest("base64url");
}

/**
 * Records the attempt (as a failure until proven otherwise) before any password is checked, and counts the
 * failures in the window including it, in one transaction: a burst of parallel attempts can never get more
 * than LOCKOUT_FAILURES password checks, and a right password inside a locked window is refused too.
 */
async function admitAttempt(db: Db, tenantId: string, username: string): Promise<{ attemptId: string; admitted: boolean }> {
  const attemptId = randomUUID();
  const admitted = await db.$transaction(async (tx) => {
    const at = new Date();
    await tx.loginAttempt.create({ data: { id: attemptId, tenantId, username, succeeded: false, at } });
    const failures = await tx.loginAttempt.count({ where: { tenantId, username, succeeded: false, at: { gte: new Date(at.getTime() - LOCKOUT_WINDOW_MS) } } });
    return failures <= LOCKOUT_FAILURES;
  });
  return { attemptId, admitted };
}

export async function signIn(db: Db, tenantId: string, usernameInput: string, password: string): Promise<SignInResult> {
  const username = usernameInput.trim().toLowerCase();
  const { attemptId, admitted } = await admitAttempt(db, tenantId, username);
  if (!admitted) {
    await recordEvent(db, { type: "session.locked_out", tenantId, sandboxAt: await sandboxNow(db), payload: { username } });
    return { ok: false, reason: "locked" };
  }

  const person = await db.person.findUnique({ where: { tenantId_username: { tenantId, username } } });
  // Hash even for unknown usernames so timing does not tell which usernames exist.
  const valid = person ? await verifySecret(password, person.passwordHash) : (await verifySecret(password, "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), false);
  if (!person || !valid) return { ok: false, reason: "invalid" };
  await db.loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });

  const token = randomToken();
  const now = await sandboxNow(db);
  const session = await db.loginSession.create({
    data: { id: randomUUID(), tokenHash: hashToken(token), tenantId, personId: person.id, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS) },
  });
  await recordEvent(db, { type: "session.signed_in", tenantId, sandboxAt: now, payload: { username, personId: person.id, sessionId: session.id } });
  return { ok: true, cookieValue: `${token}.${await sign(db, token)}`, sessionId: session.id };
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
  if (!session || session.tenantId !== tenantId || session.endedAt || session.expiresAt < (await sandboxNow(db))) return null;
  const person = await db.person.findUnique({ where: { id: session.personId } });
  if (!person) return null;
  return { sessionId: session.id, person: { id: person.id, username: person.username, displayName: person.displayName, tenantId: person.tenantId } };
}

/** Ends the session and, with it, every online_access grant approved in it. */
export async function signOut(db: Db, tenantId: string, cookieValue: string | undefined): Promise<void> {
  const session = await sessionFromCookie(db, tenantId, cookieValue);
  if (!session) return;
  const now = await sandboxNow(db);
  await db.loginSession.update({ where: { id: session.sessionId }, data: { endedAt: now } });
  for (const grant of await db.grant.findMany({ where: { loginSessionId: session.sessionId, accessKind: "online", status: { not: "revoked" } } })) {
    await revokeGrant(db, grant, "the patient signed out (online_access)", now, "grant.expired");
  }
  await recordEvent(db, { type: "session.signed_out", tenantId, sandboxAt: now, payload: { personId: session.person.id, sessionId: session.sessionId } });
}

/** The patients a person may act for, with the relationship ("self", "parent"). */
export async function accessiblePatients(db: Db, personId: string) {
  const rows = await db.patientAccess.findMany({ where: { personId }, include: { patient: true }, orderBy: [{ relationship: "desc" }, { patientId: "asc" }] });
  return rows.map((row) => ({ ...row.patient, relationship: row.relationship }));
}
