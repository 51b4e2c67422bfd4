import { describe, expect, it } from "vitest";
import { hashMachineSecret, hashSecret, hashToken, randomToken, verifySecret } from "./hashing";

describe("secret hashing", () => {
  it("verifies the right secret and refuses a wrong one", async () => {
    const stored = await hashSecret("SandboxPass1");
    expect(stored).not.toContain("SandboxPass1");
    expect(await verifySecret("SandboxPass1", stored)).toBe(true);
    expect(await verifySecret("sandboxpass1", stored)).toBe(false);
  });

  it("salts each hash", async () => {
    expect(await hashSecret("same")).not.toBe(await hashSecret("same"));
  });

  it("refuses a malformed stored hash instead of throwing", async () => {
    expect(await verifySecret("x", "not-a-hash")).toBe(false);
  });

  it("keeps generated client secrets as SHA-256 and verifies them alongside older scrypt ones", async () => {
    const secret = randomToken();
    const stored = hashMachineSecret(secret);
    expect(stored).toMatch(/^sha256\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain(secret);
    expect(await verifySecret(secret, stored)).toBe(true);
    expect(await verifySecret(randomToken(), stored)).toBe(false);
    expect(await verifySecret(secret, "sha256$short")).toBe(false);
    expect(await verifySecret(secret, await hashSecret(secret))).toBe(true);
  });

  it("hashes tokens deterministically for lookup and makes 256-bit random tokens", () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(token);
  });
});
