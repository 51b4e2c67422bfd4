// "This will suspend N active offline grants at their next refresh under the current policy": each scenario's
// outcome is computed without being applied, then compared with every active grant's snapshot. Everything the
// scenarios read (host, authorities, clock, revocation list) is read once per render, and the seven scenarios
// that reissue the certificate are predicted from the planned certificate's facts, without minting it
// (planned-certificate.ts): no key pairs, and a handful of queries instead of ~100.
import "server-only";
import type { Db } from "../db/client";
import { sandboxNow } from "../clock/sandbox-clock";
import { readSettings } from "../settings/tenant-settings";
import { loadCertificateAuthorities } from "../trust/certificate-authorities";
import { evaluationOf, revocationKeys, worldFacts } from "../trust/evaluate-trust";
import { plannedFacts } from "../trust/planned-certificate";
import { SCENARIO_NAMES, SCENARIOS, type ScenarioContext, type ScenarioName } from "../trust/scenarios";
import { loadHost } from "../trust/simulated-host";
import { compareSnapshots } from "../trust/snapshot";
import type { TrustFacts, TrustSnapshot } from "../trust/types";

export interface ScenarioPrediction {
  name: ScenarioName;
  description: string;
  wouldSuspend: number;
  applicable: boolean;
}

/** The facts a scenario would leave, as applying it would find them (change-world.ts commit()). */
async function factsAfter(
  context: ScenarioContext,
  name: ScenarioName,
  revocations: { issuerId: string; serialNumber: string }[],
): Promise<TrustFacts> {
  const { host, authorities, now } = context;
  const definition = SCENARIOS[name];
  const plan = definition.plan?.(context);
  const planned = plan ? plannedFacts(host, plan, now, authorities, revocationKeys(authorities, revocations)) : null;
  if (planned) return planned;
  const outcome = await definition.apply(context);
  const kept = revocations.filter((row) => !outcome.unrevoke?.includes(row.serialNumber));
  return worldFacts(host, outcome.world, now, authorities, revocationKeys(authorities, [...kept, ...(outcome.revoke ?? [])]));
}

export async function predictScenarios(
  db: Db,
  clientId: string,
): Promise<{ predictions: ScenarioPrediction[]; activeGrants: number; policy: string }> {
  const host = await loadHost(db, clientId);
  const [settings, now, authorities, revocations] = await Promise.all([
    readSettings(db, host.tenantId),
    sandboxNow(db, host.tenantId),
    loadCertificateAuthorities(db),
    db.certificateRevocation.findMany(),
  ]);
  const kinds = settings.suspendOnlineAccess ? ["offline", "online"] : ["offline"];
  const grants = await db.grant.findMany({ where: { clientId, status: "active", accessKind: { in: kinds } } });
  const context: ScenarioContext = { host, authorities, now };
  const predictions: ScenarioPrediction[] = [];
  for (const name of SCENARIO_NAMES) {
    try {
      const after = evaluationOf(host, await factsAfter(context, name, revocations), now);
      const wouldSuspend = grants.filter(
        (grant) =>
          compareSnapshots(grant.snapshot as unknown as TrustSnapshot, after.snapshot, settings.suspensionPolicy, clientId).length > 0,
      ).length;
      predictions.push({ name, description: SCENARIOS[name].description, wouldSuspend, applicable: true });
    } catch {
      predictions.push({ name, description: SCENARIOS[name].description, wouldSuspend: 0, applicable: false });
    }
  }
  return { predictions, activeGrants: grants.length, policy: settings.suspensionPolicy };
}
