// Access tokens (ES256 JWT, SMART claims) and id tokens (RS256), signed with the database-held keys and timed
// by the sandbox clock. Signing writes nothing: the caller records the jti in the same transaction that
// issues the token response, so revoking a grant ends every token it ever answered.
import { randomUUID } from "node:crypto";
import { SignJWT, jwtVerify, createLocalJWKSet, type JWTPayload } from "jose";
import type { Db } from "../db/client";
import { privateSigningKey, publicSigningKeys, type PublicSigningKey } from "../keys/signing-keys";
import { authorizationServerUrls } from "./endpoints";

export interface AccessTokenClaims extends JWTPayload {
  client_id: string;
  scope: string;
  patient: string;
  grant_id: string;
}

export async function signAccessToken(
  db: Db,
  input: {
    tenantId: string;
    clientId: string;
    personId: string;
    patientId: string;
    scope: string;
    grantId: string;
    now: Date;
    lifetimeSeconds: number;
  },
): Promise<{ token: string; jti: string; expiresAt: Date }> {
  const urls = authorizationServerUrls(input.tenantId);
  const { kid, key } = await privateSigningKey(db, "ES256");
  const jti = randomUUID();
  const iat = Math.floor(input.now.getTime() / 1000);
  const expiresAt = new Date((iat + input.lifetimeSeconds) * 1000);
  const token = await new SignJWT({ client_id: input.clientId, scope: input.scope, patient: input.patientId, grant_id: input.grantId })
    .setProtectedHeader({ alg: "ES256", kid, typ: "at+jwt" })
    .setIssuer(urls.issuer)
    .setSubject(input.personId)
    .setAudience(urls.fhirBase)
    .setIssuedAt(iat)
    .setExpirationTime(iat + input.lifetimeSeconds)
    .setJti(jti)
    .sign(key);
  return { token, jti, expiresAt };
}

export async function signIdToken(
  db: Db,
  input: { tenantId: string; clientId: string; personId: string; fhirUser: string | null; nonce?: string | null; now: Date },
): Promise<string> {
  const urls = authorizationServerUrls(input.tenantId);
  const { kid, key } = await privateSigningKey(db, "RS256");
  const iat = Math.floor(input.now.getTime() / 1000);
  return new SignJWT({ ...(input.fhirUser ? { fhirUser: input.fhirUser } : {}), ...(input.nonce ? { nonce: input.nonce } : {}) })
    .setProtectedHeader({ alg: "RS256", kid })
    .setIssuer(urls.issuer)
    .setSubject(input.personId)
    .setAudience(input.clientId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 3600)
    .sign(key);
}

export type AccessTokenCheck = { active: true; claims: AccessTokenClaims } | { active: false; reason: string };

let verificationKeys: { source: PublicSigningKey[]; jwks: ReturnType<typeof createLocalJWKSet> } | null = null;

/** The JWKS to verify with, built once for each set of public keys (they are read once per process). */
async function localKeySet(db: Db) {
  const keys = await publicSigningKeys(db);
  if (verificationKeys?.source !== keys) verificationKeys = { source: keys, jwks: createLocalJWKSet({ keys: keys.map((k) => k.jwk) }) };
  return verificationKeys.jwks;
}

/** Verifies signature, issuer, audience (the tenant's FHIR base) and expiry on the sandbox clock, and that it was not revoked. */
export async function verifyAccessToken(db: Db, tenantId: string, token: string, now: Date): Promise<AccessTokenCheck> {
  const urls = authorizationServerUrls(tenantId);
  const jwks = await localKeySet(db);
  let claims: AccessTokenClaims;
  try {
    ({ payload: claims } = (await jwtVerify(token, jwks, {
      issuer: urls.issuer,
      audience: urls.fhirBase,
      algorithms: ["ES256"],
      currentDate: now,
    })) as { payload: AccessTokenClaims });
  } catch (error) {
    return { active: false, reason: (error as Error).message };
  }
  const record = claims.jti ? await db.accessToken.findUnique({ where: { jti: claims.jti } }) : null;
  if (!record) return { active: false, reason: "unknown token" };
  if (record.revoked) return { active: false, reason: "the token was revoked" };
  return { active: true, claims };
}
