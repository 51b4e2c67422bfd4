// Secrets the sandbox makes for itself on first start and keeps in the database, so every instance shares them.
import { randomToken } from "./hashing";
import type { Db } from "../db/client";

export const SECRET_NAMES = ["session-signing", "auth-secret"] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** Returns the stored secret, creating it once; concurrent first starts converge on one value. */
export async function ensureSecret(db: Db, name: SecretName): Promise<string> {
  const existing = await db.sandboxSecret.findUnique({ where: { name }, omit: { value: false } });
  if (existing) return existing.value;
  await db.sandboxSecret.upsert({ where: { name }, create: { name, value: randomToken(48) }, update: {} });
  const stored = await db.sandboxSecret.findUniqueOrThrow({ where: { name }, omit: { value: false } });
  return stored.value;
}

/** Environment for the framework: next-auth's AUTH_SECRET comes from the database unless configured. */
export async function frameworkEnvironment(db: Db): Promise<{ AUTH_SECRET: string }> {
  return { AUTH_SECRET: process.env.AUTH_SECRET || (await ensureSecret(db, "auth-secret")) };
}
