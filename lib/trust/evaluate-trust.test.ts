import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { advanceClock, resetClock } from "../clock/sandbox-clock";
import { parseDuration } from "../clock/iso-duration";
import { DEFAULT_TENANT, DEMO_APP } from "../personas/personas";
import { updateSettings } from "../tenant-admin/update-settings";
import { applyScenario, editWorld, worldEditSchema } from "./change-world";
import { evaluateTrust } from "./evaluate-trust";
import { loadCertificateAuthorities } from "./certificate-authorities";
import { AppNotFoundError } from "./simulated-host";

const app = DEMO_APP.clientId;
const TENANT = DEFAULT_TENANT.id;

describe("evaluateTrust", () => {
  beforeEach(async () => {
    await resetClock(db, TENANT);
    await updateSettings(db, DEFAULT_TENANT.id, { checkCacheSeconds: 0 });
    await applyScenario(db, app, "restore-baseline");
  });

  it("answers AppNotFoundError for an unknown app", async () => {
    await expect(evaluateTrust(db, "no-such-app")).rejects.toThrow(AppNotFoundError);
  });

  it("checks afresh every time when the cache time is 0", async () => {
    const first = await evaluateTrust(db, app);
    await applyScenario(db, app, "dns-txt-removed");
    const second = await evaluateTrust(db, app);
    expect(second.cached).toBe(false);
    expect(second.snapshotHash).not.toBe(first.snapshotHash);
  });

  it("reuses a check result within the cache time on the sandbox clock, and checks again after it", async () => {
    await updateSettings(db, DEFAULT_TENANT.id, { checkCacheSeconds: 12 * 3600 });
    const first = await evaluateTrust(db, app);
    await applyScenario(db, app, "dns-txt-removed");
    const cached = await evaluateTrust(db, app);
    expect(cached).toMatchObject({ cached: true, snapshotHash: first.snapshotHash });
    await advanceClock(db, TENANT, parseDuration("PT11H")!);
    expect((await evaluateTrust(db, app)).cached).toBe(true);
    await advanceClock(db, TENANT, parseDuration("PT2H")!);
    const fresh = await evaluateTrust(db, app);
    expect(fresh.cached).toBe(false);
    expect(fresh.verdict.label).toBe("unknown");
  });

  it("inspection ignores the cache so the console always shows the world as it is", async () => {
    await updateSettings(db, DEFAULT_TENANT.id, { checkCacheSeconds: 3600 });
    await evaluateTrust(db, app);
    await applyScenario(db, app, "host-unreachable");
    expect((await evaluateTrust(db, app, { mode: "inspect" })).facts.reachable).toBe(false);
  });

  it("expires the baseline certificate when the sandbox clock passes its notAfter", async () => {
    await advanceClock(db, TENANT, parseDuration("P366D")!);
    const evaluation = await evaluateTrust(db, app, { mode: "inspect" });
    expect(evaluation.facts.certificate!.validity).toBe("expired");
    expect(evaluation.verdict.label).toBe("unknown");
  });
});

describe("custom world edits", () => {
  beforeEach(async () => {
    await resetClock(db, TENANT);
    await applyScenario(db, app, "restore-baseline");
  });

  it("replaces the chain with a pasted PEM chain", async () => {
    const authorities = await loadCertificateAuthorities(db);
    const { evaluation } = await editWorld(db, app, { chainPem: authorities.byId["private-root"].pem });
    expect(evaluation.facts.certificate!.chain[0].subject.commonName).toBe("Private Internal Root CA");
    expect(evaluation.verdict.label).toBe("unknown");
  });

  it("edits the TXT records", async () => {
    const { evaluation } = await editWorld(db, app, { txtRecords: ["v=spf1 -all", "cerner-client-id=demo-patient-app"] });
    expect(evaluation.facts.dns.txtRecords).toEqual(["cerner-client-id=demo-patient-app", "v=spf1 -all"]);
    expect(evaluation.verdict.label).toBe("verified");
  });

  it("refuses a TXT value over 255 bytes, unknown fields and an empty edit", () => {
    expect(worldEditSchema.safeParse({ txtRecords: ["x".repeat(256)] }).success).toBe(false);
    expect(worldEditSchema.safeParse({ txtRecords: ["é".repeat(128)] }).success).toBe(false);
    expect(worldEditSchema.safeParse({ colour: "blue" }).success).toBe(false);
    expect(worldEditSchema.safeParse({}).success).toBe(false);
  });

  it("applies nothing when the pasted PEM is not a certificate", async () => {
    const before = await evaluateTrust(db, app, { mode: "inspect" });
    await expect(editWorld(db, app, { chainPem: "not a certificate", txtRecords: [] })).rejects.toThrow(/no PEM certificate/);
    expect((await evaluateTrust(db, app, { mode: "inspect" })).snapshotHash).toBe(before.snapshotHash);
  });
});
