import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { GET as getScenarios } from "../../app/api/sandbox/scenarios/route";
import { adminCookieValue, apiRequestAllowed, consoleCookieValid } from "./admin-access";
import { crossSiteWriteProblem } from "../http/control-api";
import { signInToConsole } from "./console-sign-in";

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
    expect(
      (await getScenarios(new Request("http://x/api/sandbox/scenarios", { headers: { authorization: "Bearer wrong" } }), none)).status,
    ).toBe(401);
    expect(
      (await getScenarios(new Request("http://x/api/sandbox/scenarios", { headers: { authorization: "Bearer s3cret-admin" } }), none))
        .status,
    ).toBe(200);
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

describe("cross-site writes to the control API", () => {
  const own = "http://localhost:3000";
  const post = (headers: Record<string, string>) => new Request(`${own}/api/sandbox/reset`, { method: "POST", headers });
  it.each([
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["Origin null (a sandboxed frame)", { origin: "null" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["a form body", { "content-type": "application/x-www-form-urlencoded" }],
    ["a text/plain body", { "content-type": "text/plain;charset=UTF-8" }],
    ["a multipart body", { "content-type": "multipart/form-data; boundary=x" }],
  ])("refuses %s", (_what, headers) => {
    expect(crossSiteWriteProblem(post(headers), own)).toEqual(expect.any(String));
  });

  it.each([
    ["a script with JSON", { "content-type": "application/json" }],
    ["a script with no body", {}],
    ["the sandbox's own pages", { origin: own, "sec-fetch-site": "same-origin", "content-type": "application/json" }],
  ])("allows %s", (_what, headers) => {
    expect(crossSiteWriteProblem(post(headers), own)).toBeNull();
  });

  it("never refuses a read", () => {
    expect(crossSiteWriteProblem(new Request(`${own}/api/sandbox/clock`, { headers: { origin: "https://evil.example" } }), own)).toBeNull();
  });
});

describe("console sign-in", () => {
  it("checks at most 5 passwords in a burst of 20, and refuses the right one once locked", async () => {
    process.env.SANDBOX_ADMIN_PASSWORD = "correct horse";
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => signInToConsole(db, i === 7 ? "correct horse" : "wrong")));
    expect(results.filter((result) => result.ok || result.reason !== "locked").length).toBeLessThanOrEqual(5);
    expect(await signInToConsole(db, "correct horse")).toEqual({ ok: false, reason: "locked" });
  });
});
