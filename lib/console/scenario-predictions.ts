// "This will suspend N active offline grants at their next refresh under the current policy": each scenario's
// outcome is computed without being applied, then compared with every active grant's snapshot.
import type { Db } from "../db/client";
import { sandboxNow } from "../clock/sandbox-clock";
import { readSettings } from "../settings/tenant-settings";
import { evaluateWorld } from "../trust/evaluate-trust";
import { revocationsAfter, scenarioOutcome } from "../trust/change-world";
import { SCENARIO_NAMES, SCENARIOS, type ScenarioName } from "../trust/scenarios";
import { compareSnapshots } from "../trust/snapshot";
import type { TrustSnapshot } from "../trust/types";

export interface ScenarioPrediction {
  name: ScenarioName;
  description: string;
  wouldSuspend: number;
  applicable: boolean;
}

export async function predictScenarios(db: Db, clientId: string): Promise<{ predictions: ScenarioPrediction[]; activeGrants: number; policy: string }> {
  const client = await db.client.findUniqueOrThrow({ where: { id: clientId } });
  const settings = await readSettings(db, client.tenantId);
  const kinds = settings.suspendOnlineAccess ? ["offline", "online"] : ["offline"];
  const grants = await db.grant.findMany({ where: { clientId, status: "active", accessKind: { in: kinds } } });
  const now = await sandboxNow(db, client.tenantId);
  const predictions: ScenarioPrediction[] = [];
  for (const name of SCENARIO_NAMES) {
    try {
      const { host, outcome } = await scenarioOutcome(db, clientId, name);
      const after = await evaluateWorld(db, host, outcome.world, now, await revocationsAfter(db, outcome));
      const wouldSuspend = grants.filter((grant) => compareSnapshots(grant.snapshot as unknown as TrustSnapshot, after.snapshot, settings.suspensionPolicy, clientId).length > 0).length;
      predictions.push({ name, description: SCENARIOS[name].description, wouldSuspend, applicable: true });
    } catch {
      predictions.push({ name, description: SCENARIOS[name].description, wouldSuspend: 0, applicable: false });
    }
  }
  return { predictions, activeGrants: grants.length, policy: settings.suspensionPolicy };
}
