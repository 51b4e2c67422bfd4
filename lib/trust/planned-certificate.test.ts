// Scenario predictions without minting (planned-certificate.ts) must say exactly what minting would: for every
// reissue scenario, from many world states, the planned facts, findings and snapshot equal the minted ones
// (only the fingerprint and serial number differ: a new certificate's are unknown until it exists).
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { sandboxNow } from "../clock/sandbox-clock";
import { loadCertificateAuthorities } from "./certificate-authorities";
import { applyScenario } from "./change-world";
import { evaluationOf, revocationKeys, worldFacts } from "./evaluate-trust";
import { plannedFacts } from "./planned-certificate";
import { SCENARIO_NAMES, SCENARIOS, type ScenarioName } from "./scenarios";
import { loadHost } from "./simulated-host";
import { newApp } from "../../test/oauth-fixtures";

const withoutIdentity = (value: unknown) =>
  JSON.stringify(value, (key, v) => (key === "fingerprintSha256" || key === "serialNumber" ? "(any)" : v));

const STATES: ScenarioName[] = [
  "restore-baseline",
  "certificate-downgraded-dv",
  "certificate-self-signed",
  "certificate-untrusted-issuer",
  "certificate-hostname-mismatch",
  "certificate-expired",
  "host-unreachable",
  "tls-legacy-only",
  "dns-txt-removed",
  "certificate-revoked",
  "certificate-organization-changed",
];

describe("predicting a reissue without minting", () => {
  it.each(STATES)("from the world after %s, predicts each reissue scenario as minting it finds", async (state) => {
    const app = await newApp();
    await applyScenario(db, app.client_id, state);
    const host = await loadHost(db, app.client_id);
    const authorities = await loadCertificateAuthorities(db);
    const now = await sandboxNow(db, host.tenantId);
    const revoked = revocationKeys(authorities, await db.certificateRevocation.findMany());
    const context = { host, authorities, now };
    const reissues = SCENARIO_NAMES.filter((name) => SCENARIOS[name].plan);
    expect(reissues.length).toBeGreaterThanOrEqual(7);
    for (const name of reissues) {
      const planned = plannedFacts(host, SCENARIOS[name].plan!(context), now, authorities, revoked);
      expect(planned, name).not.toBeNull();
      const minted = worldFacts(host, (await SCENARIOS[name].apply(context)).world, now, authorities, revoked);
      const [predicted, actual] = [evaluationOf(host, planned!, now), evaluationOf(host, minted, now)];
      expect(withoutIdentity(predicted.facts), `${state} → ${name}`).toBe(withoutIdentity(actual.facts));
      expect(withoutIdentity(predicted.findings), `${state} → ${name}`).toBe(withoutIdentity(actual.findings));
      expect(withoutIdentity(predicted.snapshot), `${state} → ${name}`).toBe(withoutIdentity(actual.snapshot));
    }
  });
});
