// Route-level tests of the sandbox control API: the documented shapes and a clear 4xx for every bad input.
import { describe, expect, it } from "vitest";
import { GET as getScenarios } from "./scenarios/route";
import { GET as getTrust } from "./apps/[clientId]/trust/route";
import { POST as postScenario } from "./apps/[clientId]/scenarios/route";
import { PATCH as patchWorld } from "./apps/[clientId]/world/route";
import { GET as getClock, POST as postClock } from "./clock/route";
import { POST as postReset } from "./reset/route";
import { GET as getSettings, PATCH as patchSettings } from "./settings/route";

const base = "http://localhost:3999/api/sandbox";
const app = { params: Promise.resolve({ clientId: "demo-patient-app" }) };
const missingApp = { params: Promise.resolve({ clientId: "nobody" }) };
const none = { params: Promise.resolve({}) };

function jsonRequest(url: string, body: unknown, method = "POST", raw?: string) {
  return new Request(url, { method, headers: { "content-type": "application/json" }, body: raw ?? JSON.stringify(body) });
}

describe("GET /api/sandbox/scenarios", () => {
  it("lists every scenario with a description", async () => {
    const body = (await (await getScenarios(new Request(`${base}/scenarios`), none)).json()) as { name: string; description: string }[];
    expect(body.map((s) => s.name)).toContain("certificate-expired");
    expect(body).toHaveLength(13);
    for (const scenario of body) expect(scenario.description.length).toBeGreaterThan(10);
  });
});

describe("trust of an app", () => {
  it("GET …/trust answers {facts, verdict, findings, snapshotHash}", async () => {
    const response = await getTrust(new Request(`${base}/apps/demo-patient-app/trust`), app);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body)).toEqual(expect.arrayContaining(["facts", "verdict", "findings", "snapshotHash"]));
    expect(body.verdict.label).toBe("verified");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("GET …/trust of an unknown app is a 404", async () => {
    const response = await getTrust(new Request(`${base}/apps/nobody/trust`), missingApp);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: "not_found" });
  });

  it("POST …/scenarios applies a scenario and answers the new evaluation", async () => {
    const response = await postScenario(jsonRequest(`${base}/apps/demo-patient-app/scenarios`, { scenario: "certificate-expired" }), app);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.verdict.label).toBe("unknown");
    expect(body.findings.map((f: { code: string }) => f.code)).toContain("certificate.expired");
    await postScenario(jsonRequest(`${base}/apps/demo-patient-app/scenarios`, { scenario: "restore-baseline" }), app);
  });

  it.each([
    ["an unknown scenario", { scenario: "certificate-on-fire" }, undefined, 400, "unknown_scenario"],
    ["an unknown field", { scenario: "certificate-expired", extra: 1 }, undefined, 400, "invalid_request"],
    ["a missing scenario", {}, undefined, 400, "invalid_request"],
    ["malformed JSON", null, "{scenario:", 400, "invalid_json"],
  ])("POST …/scenarios with %s → %i %s", async (_what, body, raw, status, error) => {
    const response = await postScenario(jsonRequest(`${base}/apps/demo-patient-app/scenarios`, body, "POST", raw), app);
    expect(response.status).toBe(status);
    expect((await response.json()).error).toBe(error);
  });

  it("lists the valid scenario names when the name is unknown", async () => {
    const body = await (await postScenario(jsonRequest(`${base}/apps/demo-patient-app/scenarios`, { scenario: "nope" }), app)).json();
    expect(body.validScenarios).toContain("restore-baseline");
    expect(body.message).toContain("certificate-expired");
  });

  it("POST …/scenarios for an unknown app is a 404", async () => {
    const response = await postScenario(jsonRequest(`${base}/apps/nobody/scenarios`, { scenario: "certificate-expired" }), missingApp);
    expect(response.status).toBe(404);
  });

  it("a body that is not JSON is refused with 415, and one a form could send with 403", async () => {
    const xml = new Request(`${base}/apps/demo-patient-app/scenarios`, {
      method: "POST",
      headers: { "content-type": "application/xml" },
      body: "<scenario/>",
    });
    expect((await postScenario(xml, app)).status).toBe(415);
    const form = new Request(`${base}/apps/demo-patient-app/scenarios`, { method: "POST", body: "scenario=x" });
    expect((await postScenario(form, app)).status).toBe(403);
  });

  it.each([
    [
      "a PEM that is not a certificate",
      { chainPem: "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----" },
      "invalid_certificate",
    ],
    ["a TXT value over 255 bytes", { txtRecords: ["x".repeat(256)] }, "invalid_request"],
    ["an unknown TLS version", { tlsVersions: ["SSLv3"] }, "invalid_request"],
    ["an empty edit", {}, "invalid_request"],
  ])("PATCH …/world with %s → 400 and nothing applied", async (_what, body, error) => {
    const before = (await (await getTrust(new Request(`${base}/apps/demo-patient-app/trust`), app)).json()).snapshotHash;
    const response = await patchWorld(jsonRequest(`${base}/apps/demo-patient-app/world`, body, "PATCH"), app);
    expect(response.status).toBe(400);
    const payload = await response.json();
    expect(payload.error).toBe(error);
    expect(payload.message.length).toBeGreaterThan(5);
    expect((await (await getTrust(new Request(`${base}/apps/demo-patient-app/trust`), app)).json()).snapshotHash).toBe(before);
  });
});

describe("the sandbox clock", () => {
  it("advances by an ISO 8601 duration, sets and resets", async () => {
    const advanced = await (await postClock(jsonRequest(`${base}/clock`, { advance: "P30D" }), none)).json();
    expect(advanced.offsetSeconds).toBeGreaterThanOrEqual(30 * 86_400 - 1);
    const set = await (await postClock(jsonRequest(`${base}/clock`, { set: "2027-01-05T00:00:00Z" }), none)).json();
    expect(Math.abs(Date.parse(set.now) - Date.parse("2027-01-05T00:00:00Z"))).toBeLessThan(2000);
    const reset = await (await postClock(jsonRequest(`${base}/clock`, { reset: true }), none)).json();
    expect(reset.offsetSeconds).toBe(0);
    const current = await (await getClock(new Request(`${base}/clock`), none)).json();
    expect(Object.keys(current).sort()).toEqual(["now", "offsetSeconds"]);
  });

  it.each([
    ["a duration that does not parse", { advance: "30 days" }, /not an ISO 8601 duration/],
    ["a time before 2000", { set: "1999-06-01T00:00:00Z" }, /before 2000/],
    ["a date that is not ISO 8601", { set: "next tuesday" }, /ISO 8601/],
    ["two instructions at once", { advance: "P1D", reset: true }, /exactly one/],
    ["reset: false", { reset: false }, /exactly one/],
    ["an advance beyond the dates a clock can hold", { advance: "P300000Y" }, /beyond the dates/],
  ])("refuses %s with a 400 that says what is wrong", async (_what, body, message) => {
    const response = await postClock(jsonRequest(`${base}/clock`, body), none);
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(message);
  });
});

describe("settings", () => {
  it("reads the vendor defaults and changes one setting", async () => {
    const defaults = await (await getSettings(new Request(`${base}/settings`), none)).json();
    expect(defaults).toMatchObject({
      suspensionPolicy: "strict",
      checkCacheSeconds: 0,
      accessTokenLifetimeSeconds: 570,
      refreshTokenRotation: false,
    });
    const changed = await (await patchSettings(jsonRequest(`${base}/settings`, { suspensionPolicy: "identity" }, "PATCH"), none)).json();
    expect(changed.suspensionPolicy).toBe("identity");
    await patchSettings(jsonRequest(`${base}/settings`, { suspensionPolicy: "strict" }, "PATCH"), none);
  });

  it.each([[{ suspensionPolicy: "lenient" }], [{ checkCacheSeconds: -1 }], [{ unknownSetting: true }]])("refuses %j", async (body) => {
    expect((await patchSettings(jsonRequest(`${base}/settings`, body, "PATCH"), none)).status).toBe(400);
  });

  it("answers 404 for an unknown tenant", async () => {
    expect((await getSettings(new Request(`${base}/settings?tenant=nope`), none)).status).toBe(404);
  });
});

describe("POST /api/sandbox/reset", () => {
  it("returns the sandbox to the seed state", async () => {
    await postScenario(jsonRequest(`${base}/apps/demo-patient-app/scenarios`, { scenario: "host-unreachable" }), app);
    await postClock(jsonRequest(`${base}/clock`, { advance: "P10D" }), none);
    const response = await postReset(new Request(`${base}/reset`, { method: "POST" }), none);
    expect(response.status).toBe(200);
    const trust = await (await getTrust(new Request(`${base}/apps/demo-patient-app/trust`), app)).json();
    expect(trust.verdict.label).toBe("verified");
    expect((await (await getClock(new Request(`${base}/clock`), none)).json()).offsetSeconds).toBe(0);
  });
});
