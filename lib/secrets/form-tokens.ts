// CSRF tokens for the patient pages' forms: an HMAC of what the form does and the signed-in session, never
// stored. A page puts one in each form; the POST that acts checks it (and the Origin) before anything changes.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client";
import { ensureSecret } from "./sandbox-secrets";

export async function formToken(db: Db, purpose: string, loginSessionId: string): Promise<string> {
  return createHmac("sha256", await ensureSecret(db, "session-signing"))
    .update(`${purpose}:${loginSessionId}`)
    .digest("base64url");
}

export async function verifyFormToken(db: Db, purpose: string, loginSessionId: string, presented: string): Promise<boolean> {
  const expected = Buffer.from(await formToken(db, purpose, loginSessionId));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
