// Token signing keys: ES256 for access tokens, RS256 for id tokens. Generated once, stored in the
// database so that every instance signs with the same keys and the JWKS is the same everywhere.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import type { Db } from "../db/client";
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from "./signing-algorithms";

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

let allPublicKeys: PublicSigningKey[] | null = null;

/** The public halves (JWKS); read once per process as soon as every algorithm has its key. */
export async function publicSigningKeys(db: Db): Promise<PublicSigningKey[]> {
  if (allPublicKeys) return allPublicKeys;
  const rows = await db.signingKey.findMany({ orderBy: { alg: "asc" } });
  const keys = rows.map((row) => ({ kid: row.kid, alg: row.alg as SigningAlgorithm, jwk: row.publicJwk as JWK }));
  if (SIGNING_ALGORITHMS.every((alg) => keys.some((key) => key.alg === alg))) allPublicKeys = keys;
  return keys;
}

/**
 * Imported private keys by algorithm. A key row is only ever created (ensureSigningKeys), never changed or
 * deleted, so once read it holds for the life of the process; every instance reads the same row.
 */
const privateKeys = new Map<SigningAlgorithm, Promise<{ kid: string; key: CryptoKey | Uint8Array }>>();

export function privateSigningKey(db: Db, alg: SigningAlgorithm): Promise<{ kid: string; key: CryptoKey | Uint8Array }> {
  let loaded = privateKeys.get(alg);
  if (!loaded) {
    loaded = db.signingKey
      .findUniqueOrThrow({ where: { alg }, omit: { privateJwk: false } })
      .then(async (row) => ({ kid: row.kid, key: await importJWK(row.privateJwk as JWK, alg) }));
    // A failed read is not remembered: the next request tries again.
    loaded.catch(() => privateKeys.delete(alg));
    privateKeys.set(alg, loaded);
  }
  return loaded;
}
