// The one entry point for "how trustworthy is this app now?": probe (the simulated world, or the real host for an
// app in live mode) → facts → verdict → snapshot. The consent screen, the token endpoint, the console and the error pages all call it.
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { sandboxNow } from "../clock/sandbox-clock";
import { readSettings } from "../settings/tenant-settings";
import { loadCertificateAuthorities, TRUSTED_ROOTS, type CertificateAuthorities } from "./certificate-authorities";
import { probeSettings } from "../config/probe-settings";
import { collectFacts, revocationKey } from "./collect-facts";
import { checkLive } from "./live-evaluation";
import { rememberedEvaluation, rememberEvaluation } from "./evaluation-cache";
import { judge } from "./judge";
import { parseCertificate } from "./parsed-certificate";
import { loadHost, type LoadedHost } from "./simulated-host";
import { snapshotHash, takeSnapshot } from "./snapshot";
import type { SimulatedWorld, TrustEvaluation, TrustFacts } from "./types";

export interface EvaluateOptions {
  /** Sandbox time to evaluate at (default: the sandbox clock now). */
  at?: Date;
  /**
   * `check` (default) is what the authorization server does: it honours the tenant's check cache time and
   * stores the result. `inspect` always probes afresh and stores nothing (console, control API).
   */
  mode?: "check" | "inspect";
  /** The tenant's check cache time, when the caller already read the settings (saves a read on the hot path). */
  checkCacheSeconds?: number;
}

/** Revocation list entries as the keys the probe looks up. */
export function revocationKeys(authorities: CertificateAuthorities, entries: { issuerId: string; serialNumber: string }[]): Set<string> {
  const keys = new Set<string>();
  for (const entry of entries) {
    const issuer = authorities.byId[entry.issuerId as keyof CertificateAuthorities["byId"]];
    if (issuer) keys.add(revocationKey(parseCertificate(issuer.pem), entry.serialNumber));
  }
  return keys;
}

async function revokedSet(db: Db, authorities: CertificateAuthorities): Promise<Set<string>> {
  return revocationKeys(authorities, await db.certificateRevocation.findMany());
}

/** The probe's view of a world, with the authorities and revocation set already read (no database access). */
export function worldFacts(
  host: LoadedHost,
  world: SimulatedWorld,
  at: Date,
  authorities: CertificateAuthorities,
  revoked: ReadonlySet<string>,
): TrustFacts {
  return collectFacts(world, {
    clientId: host.clientId,
    hostname: host.hostname,
    registrableDomain: host.registrableDomain,
    now: at,
    trustAnchors: TRUSTED_ROOTS.map((id) => authorities.byId[id].pem),
    revoked,
  });
}

/** Verdict, findings and snapshot from facts, however they were obtained. */
export function evaluationOf(host: LoadedHost, facts: TrustFacts, at: Date): TrustEvaluation {
  const { verdict, findings } = judge(facts, { clientName: host.clientName, validated: host.validated });
  const snapshot = takeSnapshot(facts, verdict);
  return {
    clientId: host.clientId,
    source: "simulated",
    checkedAt: at.toISOString(),
    cached: false,
    facts,
    verdict,
    findings,
    snapshot,
    snapshotHash: snapshotHash(snapshot),
  };
}

/** Evaluates a given world for a host (also used to predict a scenario's effect before applying it). */
export async function evaluateWorld(
  db: Db,
  host: LoadedHost,
  world: SimulatedWorld,
  at: Date,
  revoked?: Set<string>,
): Promise<TrustEvaluation> {
  const authorities = await loadCertificateAuthorities(db);
  return evaluationOf(host, worldFacts(host, world, at, authorities, revoked ?? (await revokedSet(db, authorities))), at);
}

/** A live app's real host, probed now with this deployment's probe settings and the tenant's public-suffix rule. */
async function evaluateLive(db: Db, host: LoadedHost, at: Date): Promise<TrustEvaluation> {
  const { publicSuffixRule } = await readSettings(db, host.tenantId);
  const check = await checkLive({
    ...probeSettings(),
    redirectUri: host.redirectUri,
    clientId: host.clientId,
    clientName: host.clientName,
    validated: host.validated,
    publicSuffixRule,
    at,
  });
  const { facts, verdict, findings, snapshot, snapshotHash } = check;
  return {
    clientId: host.clientId,
    source: "live",
    checkedAt: check.checkedAt,
    cached: false,
    facts,
    verdict,
    findings,
    snapshot,
    snapshotHash,
  };
}

/**
 * The app's current world evaluated at `at`: a simulated app's unchanged world is remembered (evaluation-cache.ts);
 * a live app's real host is probed every time (only the tenant's check cache time spares a probe).
 */
export async function evaluateCurrent(db: Db, host: LoadedHost, at: Date): Promise<TrustEvaluation> {
  if (host.trustSource === "live") return evaluateLive(db, host, at);
  const version = { hostRevision: host.revision, clientUpdatedAt: host.clientUpdatedAt };
  return (
    rememberedEvaluation(host.clientId, version, at) ?? rememberEvaluation(version, at, await evaluateWorld(db, host, host.current, at))
  );
}

export async function evaluateTrust(db: Db, clientId: string, options: EvaluateOptions = {}): Promise<TrustEvaluation> {
  const host = await loadHost(db, clientId);
  const at = options.at ?? (await sandboxNow(db, host.tenantId));
  if (options.mode === "inspect") return evaluateCurrent(db, host, at);

  const checkCacheSeconds = options.checkCacheSeconds ?? (await readSettings(db, host.tenantId)).checkCacheSeconds;
  // Without a cache time every check looks afresh, so there is nothing worth storing.
  if (checkCacheSeconds === 0) return evaluateCurrent(db, host, at);
  const cached = await db.trustCheck.findUnique({ where: { clientId } });
  const age = cached ? at.getTime() - cached.checkedAt.getTime() : Infinity;
  if (cached && age >= 0 && age < checkCacheSeconds * 1000) {
    return { ...(cached.evaluation as unknown as TrustEvaluation), cached: true };
  }
  const evaluation = await evaluateCurrent(db, host, at);
  const stored = {
    checkedAt: at,
    revision: host.revision,
    evaluation: evaluation as unknown as Prisma.InputJsonValue,
    snapshotHash: evaluation.snapshotHash,
  };
  await db.trustCheck.upsert({ where: { clientId }, create: { clientId, ...stored }, update: stored });
  return evaluation;
}
