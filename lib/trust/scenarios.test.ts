import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { DEMO_APP } from "../personas/personas";
import { applyScenario } from "./change-world";
import { evaluateTrust } from "./evaluate-trust";
import { SCENARIO_NAMES, type ScenarioName } from "./scenarios";
import { compareSnapshots } from "./snapshot";

const app = DEMO_APP.clientId;

const EXPECTED: Record<ScenarioName, { label: "verified" | "unknown"; findings: string[] }> = {
  "certificate-expired": { label: "unknown", findings: ["certificate.expired"] },
  "certificate-renewed": { label: "verified", findings: ["trust.verified"] },
  "certificate-downgraded-dv": { label: "unknown", findings: ["certificate.domain-validated"] },
  "certificate-organization-changed": { label: "verified", findings: ["trust.verified"] },
  "certificate-self-signed": { label: "unknown", findings: ["certificate.self-signed"] },
  "certificate-untrusted-issuer": { label: "unknown", findings: ["certificate.untrusted-issuer"] },
  "certificate-revoked": { label: "unknown", findings: ["certificate.revoked"] },
  "certificate-hostname-mismatch": { label: "unknown", findings: ["certificate.hostname-mismatch"] },
  "tls-legacy-only": { label: "unknown", findings: ["tls.legacy-only"] },
  "dns-txt-removed": { label: "unknown", findings: ["dns.client-id-record-missing"] },
  "dns-txt-wrong-client": { label: "unknown", findings: ["dns.client-id-record-missing", "dns.other-client-id-records"] },
  "host-unreachable": { label: "unknown", findings: ["host.unreachable"] },
  "restore-baseline": { label: "verified", findings: ["trust.verified"] },
};

/** Which scenarios count as a change after approval, per policy (restore-baseline never does). */
const CHANGES_UNDER: Record<"strict" | "identity", ScenarioName[]> = {
  strict: SCENARIO_NAMES.filter((name) => name !== "restore-baseline"),
  identity: SCENARIO_NAMES.filter((name) => name !== "restore-baseline" && name !== "certificate-renewed"),
};

describe("trust scenarios", () => {
  beforeEach(async () => {
    await applyScenario(db, app, "restore-baseline");
  });

  it("verifies the demo app's baseline: OV certificate from the public CA, TLS 1.2/1.3, TXT record present", async () => {
    const evaluation = await evaluateTrust(db, app, { mode: "inspect" });
    expect(evaluation.verdict.identity).toEqual({
      label: "verified",
      appName: "MyHealth Demo",
      organization: "MyHealth Demo Inc.",
      location: "US, MO, Kansas City",
      domain: "myhealth-demo.com",
      validated: false,
    });
    expect(evaluation.facts.tls.versions).toEqual(["TLSv1.2", "TLSv1.3"]);
    expect(evaluation.facts.certificate).toMatchObject({
      validity: "valid",
      chainTrusted: true,
      revoked: false,
      hostnameMatches: true,
      trustAnchor: "Sandbox Public Root CA",
    });
    expect(evaluation.facts.dns).toMatchObject({ registrableDomain: "myhealth-demo.com", clientIdRecordPresent: true });
  });

  it.each(SCENARIO_NAMES)("%s gives its expected label and findings", async (scenario) => {
    const { evaluation } = await applyScenario(db, app, scenario);
    expect(evaluation.verdict.label).toBe(EXPECTED[scenario].label);
    expect(evaluation.findings.map((f) => f.code)).toEqual(expect.arrayContaining(EXPECTED[scenario].findings));
    if (EXPECTED[scenario].label === "unknown") {
      expect(evaluation.verdict.identity).toMatchObject({ appName: null, organization: null, location: null, domain: "myhealth-demo.com" });
    }
  });

  it("restore-baseline returns the original snapshot hash", async () => {
    const original = await evaluateTrust(db, app, { mode: "inspect" });
    await applyScenario(db, app, "certificate-revoked");
    await applyScenario(db, app, "dns-txt-removed");
    expect((await evaluateTrust(db, app, { mode: "inspect" })).snapshotHash).not.toBe(original.snapshotHash);
    const { evaluation } = await applyScenario(db, app, "restore-baseline");
    expect(evaluation.snapshotHash).toBe(original.snapshotHash);
  });

  it("organization-changed shows the new organization to patients", async () => {
    const { evaluation } = await applyScenario(db, app, "certificate-organization-changed");
    expect(evaluation.verdict.identity.organization).toBe("Northwind Data Brokers LLC");
  });

  it("records each scenario in the activity log with the world before and after", async () => {
    await applyScenario(db, app, "certificate-expired");
    const event = await db.event.findFirstOrThrow({
      where: { clientId: app, type: "trust.scenario_applied" },
      orderBy: { createdAt: "desc" },
    });
    const payload = event.payload as {
      scenario: string;
      before: { certificate: { validity: string } };
      after: { certificate: { validity: string } };
      changes: { code: string }[];
    };
    expect(payload.scenario).toBe("certificate-expired");
    expect(payload.before.certificate.validity).toBe("valid");
    expect(payload.after.certificate.validity).toBe("expired");
    expect(payload.changes.map((c) => c.code)).toContain("certificate.expired");
  });

  describe.each(["strict", "identity"] as const)("under the %s policy", (policy) => {
    it.each(SCENARIO_NAMES)("%s counts as a change exactly when the policy table says so", async (scenario) => {
      const before = await evaluateTrust(db, app, { mode: "inspect" });
      await applyScenario(db, app, scenario);
      const after = await evaluateTrust(db, app, { mode: "inspect" });
      const changes = compareSnapshots(before.snapshot, after.snapshot, policy, app);
      expect(changes.length > 0).toBe(CHANGES_UNDER[policy].includes(scenario));
      for (const change of changes) expect(change.sentence).toMatch(/^[A-Z].*\.$/);
    });
  });

  it("says when the certificate expired, in words a patient can read", async () => {
    const before = await evaluateTrust(db, app, { mode: "inspect" });
    const { evaluation } = await applyScenario(db, app, "certificate-expired");
    const sentences = compareSnapshots(before.snapshot, evaluation.snapshot, "identity", app).map((c) => c.sentence);
    const notAfter = new Date(evaluation.facts.certificate!.chain[0].notAfter);
    const expected = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(notAfter);
    expect(sentences).toContain(`The app's certificate expired on ${expected}.`);
  });

  it("composes: an expired certificate after a DV downgrade stays DV", async () => {
    await applyScenario(db, app, "certificate-downgraded-dv");
    const { evaluation } = await applyScenario(db, app, "certificate-expired");
    expect(evaluation.facts.certificate!.chain[0].type).toBe("DV");
    expect(evaluation.facts.certificate!.validity).toBe("expired");
  });
});
