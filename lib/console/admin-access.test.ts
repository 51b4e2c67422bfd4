import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { GET as getScenarios } from "../../app/api/sandbox/scenarios/route";
import { adminCookieValue, apiRequestAllowed, consoleCookieValid } from "./admin-access";

const none = { params: Promise.resolve({}) };

afterEach(() => {
  delete process.env.SANDBOX_ADMIN_PASSWORD;
});

describe("console and control API protection", () => {
  it("is open when SANDBOX_ADMIN_PASSWORD is unset", async () => {
    expect(apiRequestAllowed(new Request("http://x/api/sandbox/clock"))).toBe(true);
    expect(await consoleCookieValid(db, undefined)).toBe(true);
  });

  it("requires Authorization: Bearer <password> on the control API when set", async () => {
    process.env.SANDBOX_ADMIN_PASSWORD = "s3cret-admin";
    const refused = await getScenarios(new Request("http://x/api/sandbox/scenarios"), none);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toBe("unauthorized");
    expect((await getScenarios(new Request("http://x/api/sandbox/scenarios", { headers: { authorization: "Bearer wrong" } }), none)).status).toBe(401);
    expect((await getScenarios(new Request("http://x/api/sandbox/scenarios", { headers: { authorization: "Bearer s3cret-admin" } }), none)).status).toBe(200);
  });

  it("accepts only the console cookie made for the current password", async () => {
    process.env.SANDBOX_ADMIN_PASSWORD = "first";
    const cookie = await adminCookieValue(db, "first");
    expect(await consoleCookieValid(db, cookie)).toBe(true);
    expect(await consoleCookieValid(db, "forged")).toBe(false);
    process.env.SANDBOX_ADMIN_PASSWORD = "second";
    expect(await consoleCookieValid(db, cookie)).toBe(false);
  });
});
