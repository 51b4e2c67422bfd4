import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { DEFAULT_TENANT, SANDBOX_PASSWORD } from "../personas/personas";
import { sessionFromCookie, signIn, signOut } from "./sessions";

const tenant = DEFAULT_TENANT.id;

describe("patient sign-in", () => {
  it("signs in with the sandbox password and resolves the signed cookie to the person", async () => {
    const result = await signIn(db, tenant, "AvaRivera ", SANDBOX_PASSWORD);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = await sessionFromCookie(db, tenant, result.cookieValue);
    expect(session?.person.username).toBe("avarivera");
    expect(await sessionFromCookie(db, tenant, result.cookieValue.replace(/.$/, "x"))).toBeNull();
    await signOut(db, tenant, result.cookieValue);
    expect(await sessionFromCookie(db, tenant, result.cookieValue)).toBeNull();
  });

  it("refuses a wrong password and an unknown username alike", async () => {
    expect(await signIn(db, tenant, "mayachen", "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(db, tenant, "nobody", "wrong")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks a username after 5 failed attempts within 15 minutes, even with the right password", async () => {
    for (let i = 0; i < 5; i++) await signIn(db, tenant, "samuelokafor", "wrong");
    expect(await signIn(db, tenant, "samuelokafor", SANDBOX_PASSWORD)).toEqual({ ok: false, reason: "locked" });
    expect((await signIn(db, tenant, "avarivera", SANDBOX_PASSWORD)).ok).toBe(true);
  });

  it("checks at most 5 passwords when 20 attempts for one user arrive at once, and refuses the right one once locked", async () => {
    const attempts = Array.from({ length: 20 }, (_, i) => signIn(db, tenant, "mayachen", i === 10 ? SANDBOX_PASSWORD : "wrong"));
    const results = await Promise.all(attempts);
    expect(results.filter((result) => result.ok || result.reason !== "locked").length).toBeLessThanOrEqual(5);
    expect(await signIn(db, tenant, "mayachen", SANDBOX_PASSWORD)).toEqual({ ok: false, reason: "locked" });
    expect(
      await db.event.count({ where: { type: "session.locked_out", payload: { equals: { username: "mayachen" } } } }),
    ).toBeGreaterThanOrEqual(15);
  });
});
