// Secret columns are never selected unless a query asks for them (lib/db/client.ts): a row read for display
// carries no password hash, client secret hash, registration token hash or private key.
import { describe, expect, it } from "vitest";
import { db } from "../lib/db/client";

describe("secret columns", () => {
  it("are left out of ordinary reads", async () => {
    const [person, client, key] = await Promise.all([
      db.person.findFirstOrThrow(),
      db.client.findFirstOrThrow(),
      db.signingKey.findFirstOrThrow(),
    ]);
    expect(person).not.toHaveProperty("passwordHash");
    expect(client).not.toHaveProperty("secretHash");
    expect(client).not.toHaveProperty("registrationTokenHash");
    expect(key).not.toHaveProperty("privateJwk");
    expect(key).toHaveProperty("publicJwk");
  });

  it("are read only where a query asks for them", async () => {
    const person = await db.person.findFirstOrThrow({ omit: { passwordHash: false } });
    expect(person.passwordHash).toMatch(/\$/);
  });
});
