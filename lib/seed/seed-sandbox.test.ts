import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { verifySecret } from "../secrets/hashing";
import { DEFAULT_TENANT, DEMO_APP, SANDBOX_PASSWORD } from "../personas/personas";
import { seedSandbox } from "./seed-sandbox";

describe("seed", () => {
  it("creates the default tenant, the three accounts and the demo app", async () => {
    expect(await db.tenant.findUnique({ where: { id: DEFAULT_TENANT.id } })).toMatchObject({ name: "Sandbox Health" });
    const usernames = (await db.person.findMany({ orderBy: { username: "asc" } })).map((p) => p.username);
    expect(usernames).toEqual(["avarivera", "mayachen", "samuelokafor"]);
    const demo = await db.client.findUniqueOrThrow({ where: { id: DEMO_APP.clientId }, omit: { secretHash: false } });
    expect(demo).toMatchObject({ clientName: "MyHealth Demo", tokenEndpointAuthMethod: "none", secretHash: null });
  });

  it("stores passwords only as hashes that verify SandboxPass1", async () => {
    const maya = await db.person.findFirstOrThrow({ where: { username: "mayachen" }, omit: { passwordHash: false } });
    expect(maya.passwordHash).not.toContain(SANDBOX_PASSWORD);
    expect(await verifySecret(SANDBOX_PASSWORD, maya.passwordHash)).toBe(true);
  });

  it("gives the parent access to her own record and, as proxy, her child's", async () => {
    const access = await db.patientAccess.findMany({
      where: { person: { username: "mayachen" } },
      include: { patient: true },
      orderBy: { patientId: "asc" },
    });
    expect(access.map((a) => [a.patient.givenName, a.relationship])).toEqual([
      ["Leo", "parent"],
      ["Maya", "self"],
    ]);
  });

  it("does not duplicate anything when run again and keeps what users created", async () => {
    await db.client.create({
      data: {
        id: "user-app",
        tenantId: DEFAULT_TENANT.id,
        clientName: "Mine",
        tokenEndpointAuthMethod: "none",
        redirectUris: ["https://a.example.com/cb"],
        scope: "openid",
        grantTypes: ["authorization_code"],
      },
    });
    const before = { persons: await db.person.count(), patients: await db.patient.count(), access: await db.patientAccess.count() };
    await seedSandbox(db, { publicUrl: "http://localhost:3999" });
    expect({ persons: await db.person.count(), patients: await db.patient.count(), access: await db.patientAccess.count() }).toEqual(
      before,
    );
    expect(await db.client.findUnique({ where: { id: "user-app" } })).not.toBeNull();
  });

  it("points the demo app's redirect URI at the current PUBLIC_URL", async () => {
    await seedSandbox(db, { publicUrl: "https://sandbox.example.org" });
    const demo = await db.client.findUniqueOrThrow({ where: { id: DEMO_APP.clientId } });
    expect(demo.redirectUris).toEqual(["https://sandbox.example.org/demo/api/auth/callback/sandbox"]);
  });
});
