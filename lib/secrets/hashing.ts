// Hashes for everything secret the sandbox stores: passwords (scrypt, salted: people choose guessable ones),
// client secrets (SHA-256: the sandbox generates them with 256 bits of entropy, so a slow hash adds nothing but
// ~100 ms to every confidential client's request) and high-entropy tokens such as codes and refresh tokens
// (SHA-256, looked up by hash).
import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number },
) => Promise<Buffer>;
// Cost kept moderate: the sandbox hashes on every sign-in and every confidential client request.
const SCRYPT = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** `scrypt$N$r$p$salt$hash`, all base64url. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(secret, salt, KEY_LENGTH, SCRYPT);
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64url"), hash.toString("base64url")].join("$");
}

/** `sha256$hash` for a secret the sandbox generated itself (randomToken): too much entropy to guess or tabulate. */
export function hashMachineSecret(secret: string): string {
  return `sha256$${hashToken(secret)}`;
}

/** Constant-time comparison of a presented secret with a stored hash (hashSecret's or hashMachineSecret's). */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  if (stored.startsWith("sha256$")) {
    const expected = Buffer.from(stored.slice("sha256$".length), "base64url");
    const actual = createHash("sha256").update(secret).digest();
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, saltText, hashText] = parts;
  const expected = Buffer.from(hashText, "base64url");
  const actual = await scrypt(secret, Buffer.from(saltText, "base64url"), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Lookup hash for a random token (codes, refresh tokens): it has enough entropy not to need a salt. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** A random opaque token with 256 bits of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
