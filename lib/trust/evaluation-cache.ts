// Remembers an app's trust evaluation in this process, so that checking an unchanged app does no X.509 work.
// An evaluation depends only on the app's simulated world (its revision counts every change, and every change to
// the revocation list bumps every host's revision: change-world.ts), the client's own fields (name, validated flag: its updatedAt) and
// the time, through one thing: whether the leaf certificate is valid yet, or still. So an entry holds while the
// world revision and the client's updatedAt are the ones it was computed from, and the sandbox time is inside
// the leaf's current validity period (before notBefore, between notBefore and notAfter, or after notAfter) —
// which also covers every move of the clock. Nothing here is needed for correctness: a miss recomputes, so a
// second instance is never wrong, only cold.
import type { TrustEvaluation } from "./types";

export interface EvaluationVersion {
  hostRevision: number;
  clientUpdatedAt: Date;
}

interface Entry {
  version: string;
  validFrom: number;
  validUntil: number;
  evaluation: TrustEvaluation;
}

const LIMIT = 5_000;
const entries = new Map<string, Entry>();

const versionKey = (version: EvaluationVersion) => `${version.hostRevision}@${version.clientUpdatedAt.getTime()}`;

/** The sandbox-time interval over which the evaluation's leaf validity (the only time-dependent fact) holds. */
function validityPeriod(evaluation: TrustEvaluation, at: number): { validFrom: number; validUntil: number } {
  const leaf = evaluation.facts.certificate?.chain[0];
  if (!leaf) return { validFrom: -Infinity, validUntil: Infinity };
  const notBefore = Date.parse(leaf.notBefore);
  const notAfter = Date.parse(leaf.notAfter);
  if (at < notBefore) return { validFrom: -Infinity, validUntil: notBefore - 1 };
  if (at > notAfter) return { validFrom: notAfter + 1, validUntil: Infinity };
  return { validFrom: notBefore, validUntil: notAfter };
}

export function rememberedEvaluation(clientId: string, version: EvaluationVersion, at: Date): TrustEvaluation | null {
  const entry = entries.get(clientId);
  const time = at.getTime();
  if (!entry || entry.version !== versionKey(version) || time < entry.validFrom || time > entry.validUntil) return null;
  return { ...entry.evaluation, checkedAt: at.toISOString() };
}

export function rememberEvaluation(version: EvaluationVersion, at: Date, evaluation: TrustEvaluation): TrustEvaluation {
  if (entries.size >= LIMIT && !entries.has(evaluation.clientId)) entries.delete(entries.keys().next().value!);
  entries.set(evaluation.clientId, { version: versionKey(version), ...validityPeriod(evaluation, at.getTime()), evaluation });
  return evaluation;
}
