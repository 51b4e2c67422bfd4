import { expect, test } from "@playwright/test";

test.describe("sandbox control API over HTTP", () => {
  test("POST …/scenarios certificate-expired, then restore-baseline returns the original snapshot hash", async ({ request }) => {
    const original = await (await request.get("/api/sandbox/apps/demo-patient-app/trust")).json();
    expect(original.verdict.label).toBe("verified");
    const expired = await request.post("/api/sandbox/apps/demo-patient-app/scenarios", { data: { scenario: "certificate-expired" } });
    expect(expired.status()).toBe(200);
    expect((await expired.json()).verdict.identity).toMatchObject({ label: "unknown", appName: null, domain: "myhealth-demo.com" });
    const restored = await request.post("/api/sandbox/apps/demo-patient-app/scenarios", { data: { scenario: "restore-baseline" } });
    expect((await restored.json()).snapshotHash).toBe(original.snapshotHash);
  });

  test("unknown scenario → 400 listing the valid names", async ({ request }) => {
    const response = await request.post("/api/sandbox/apps/demo-patient-app/scenarios", { data: { scenario: "nope" } });
    expect(response.status()).toBe(400);
    expect((await response.json()).validScenarios).toHaveLength(13);
  });

  test("clock advance and reset", async ({ request }) => {
    const advanced = await (await request.post("/api/sandbox/clock", { data: { advance: "P1D" } })).json();
    expect(advanced.offsetSeconds).toBeGreaterThanOrEqual(86_399);
    expect((await (await request.post("/api/sandbox/clock", { data: { reset: true } })).json()).offsetSeconds).toBe(0);
  });
});
