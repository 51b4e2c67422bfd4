// Token signing keys: ES256 for access tokens, RS256 for id tokens. Generated once, stored in the
// database so that every instance signs with the same keys and the JWKS is the same everywhere.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import type { Db } from "../db/client";

export const SIGNING_ALGORITHMS = ["ES256", "RS256"] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

export interface PublicSigningKey {
  kid: string;
  alg: SigningAlgorithm;
  jwk: JWK;
}

async function createKey(alg: SigningAlgorithm) {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === "RS256" ? { modulusLength: 2048 } : {}) });
  const publicJwk = await exportJWK(publicKey);
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, alg, publicJwk: { ...publicJwk, kid, alg, use: "sig" }, privateJwk: { ...privateJwk, kid, alg } };
}

/** Creates the missing keys; safe to run on every start and from several instances at once. */
export async function ensureSigningKeys(db: Db): Promise<void> {
  for (const alg of SIGNING_ALGORITHMS) {
    if (await db.signingKey.findUnique({ where: { alg } })) continue;
    const key = await createKey(alg);
    try {
      await db.signingKey.create({ data: key });
    } catch (error) {
      // Another instance created it first (unique alg): keep theirs.
      if (!(await db.signingKey.findUnique({ where: { alg } }))) throw error;
    }
  }
}

export async function publicSigningKeys(db: Db): Promise<PublicSigningKey[]> {
  const rows = await db.signingKey.findMany({ orderBy: { alg: "asc" } });
  return rows.map((row) => ({ kid: row.kid, alg: row.alg as SigningAlgorithm, jwk: row.publicJwk as JWK }));
}

export async function privateSigningKey(db: Db, alg: SigningAlgorithm) {
  const row = await db.signingKey.findUniqueOrThrow({ where: { alg } });
  return { kid: row.kid, key: await importJWK(row.privateJwk as JWK, alg) };
}
