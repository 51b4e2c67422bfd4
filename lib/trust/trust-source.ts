// Switching an app's trust source between its simulated host and its real https redirect URI host (live mode).
// The switch is itself a change: the answer says what the checks see differently and whether the tenant's
// suspension policy will pause the app's grants at their next refresh.
import type { Db } from "../db/client";
import { eventCreate } from "../activity/record-event";
import { sandboxNow } from "../clock/sandbox-clock";
import { readSettings } from "../settings/tenant-settings";
import { evaluateCurrent } from "./evaluate-trust";
import { NotProbeable, probeTarget } from "./live-evaluation";
import { loadHost } from "./simulated-host";
import { compareSnapshots } from "./snapshot";
import type { TrustChange, TrustEvaluation, TrustSnapshot, TrustSource } from "./types";

export interface TrustSourceSwitch {
  source: TrustSource;
  previous: TrustSource;
  /** Every fact the checks now see differently (strict comparison). */
  changes: TrustChange[];
  /** How many of the app's active grants the tenant's suspension policy will pause at their next refresh. */
  wouldSuspend: number;
  evaluation: TrustEvaluation;
}

/** Why an app cannot be checked live, or null: live checks look at the primary redirect URI's https host. */
export function liveModeProblem(redirectUri: string): string | null {
  try {
    probeTarget(redirectUri);
    return null;
  } catch (error) {
    if (error instanceof NotProbeable) return `live checks need an https primary redirect URI: ${error.message}`;
    throw error;
  }
}

export async function setTrustSource(db: Db, clientId: string, source: TrustSource): Promise<TrustSourceSwitch> {
  const host = await loadHost(db, clientId);
  const problem = source === "live" ? liveModeProblem(host.redirectUri) : null;
  if (problem) throw new NotProbeable(problem);
  const [at, settings] = await Promise.all([sandboxNow(db, host.tenantId), readSettings(db, host.tenantId)]);
  const before = await evaluateCurrent(db, host, at);
  if (host.trustSource === source) return { source, previous: source, changes: [], wouldSuspend: 0, evaluation: before };
  const after = await evaluateCurrent(db, { ...host, trustSource: source }, at);
  const changes = compareSnapshots(before.snapshot, after.snapshot, "strict", clientId);
  const kinds = settings.suspendOnlineAccess ? ["offline", "online"] : ["offline"];
  const grants = await db.grant.findMany({ where: { clientId, status: "active", accessKind: { in: kinds } }, select: { snapshot: true } });
  const wouldSuspend = grants.filter(
    (grant) => compareSnapshots(grant.snapshot as unknown as TrustSnapshot, after.snapshot, settings.suspensionPolicy, clientId).length > 0,
  ).length;
  await db.$transaction([
    db.client.update({ where: { id: clientId }, data: { trustSource: source } }),
    // A check stored under the other source must not answer for this one, nor a remembered evaluation.
    db.trustCheck.deleteMany({ where: { clientId } }),
    db.trustHost.update({ where: { clientId }, data: { revision: { increment: 1 } } }),
    eventCreate(db, {
      type: "trust.source_changed",
      tenantId: host.tenantId,
      clientId,
      sandboxAt: at,
      payload: { from: host.trustSource, to: source, before: before.snapshot, after: after.snapshot, changes, wouldSuspend },
    }),
  ]);
  return { source, previous: host.trustSource, changes, wouldSuspend, evaluation: after };
}
