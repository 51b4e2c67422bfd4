import { jwtVerify, SignJWT, importJWK } from "jose";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ensureSigningKeys, privateSigningKey, publicSigningKeys } from "./signing-keys";

describe("signing keys", () => {
  it("has one ES256 and one RS256 key whose public halves verify what the private halves sign", async () => {
    const keys = await publicSigningKeys(db);
    expect(keys.map((k) => k.alg)).toEqual(["ES256", "RS256"]);
    for (const { alg, jwk, kid } of keys) {
      expect(jwk).not.toHaveProperty("d");
      const signer = await privateSigningKey(db, alg);
      const jwt = await new SignJWT({ ok: true }).setProtectedHeader({ alg, kid: signer.kid }).sign(signer.key);
      const { payload } = await jwtVerify(jwt, await importJWK(jwk, alg));
      expect(payload.ok).toBe(true);
      expect(kid).toBe(signer.kid);
    }
  });

  it("keeps the existing keys on the next start", async () => {
    const before = await publicSigningKeys(db);
    await ensureSigningKeys(db);
    expect(await publicSigningKeys(db)).toEqual(before);
  });
});
