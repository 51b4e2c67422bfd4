// The public JSON shape of a trust evaluation, as the control API documents it.
import type { TrustChange, TrustEvaluation } from "../trust/types";

export function presentEvaluation(evaluation: TrustEvaluation, changes?: TrustChange[]) {
  return {
    clientId: evaluation.clientId,
    source: evaluation.source ?? "simulated",
    checkedAt: evaluation.checkedAt,
    facts: evaluation.facts,
    verdict: evaluation.verdict,
    findings: evaluation.findings,
    snapshotHash: evaluation.snapshotHash,
    ...(changes ? { changes } : {}),
  };
}
