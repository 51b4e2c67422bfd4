// A live check of a redirect URI's host, evaluated exactly like a simulated one: live observation → collectFacts
// (against Node's public root store plus configured anchors) → judge → snapshot. Notes of what the probe could not
// see (unreachable, timeouts, DNS failures, revocation not checked) join the findings.
import { rootCertificates } from "node:tls";
import { collectFacts } from "./collect-facts";
import { judge } from "./judge";
import { observeLiveHost, type LiveObservation, type LiveProbeOptions, type ProbeNote } from "./live-probe";
import { bareHostname, registrableDomain, type PublicSuffixRule } from "./registrable-domain";
import { snapshotHash, takeSnapshot } from "./snapshot";
import type { Finding, TrustFacts, TrustSnapshot, Verdict } from "./types";

export interface LiveCheckInput extends LiveProbeOptions {
  redirectUri: string;
  clientId: string;
  clientName?: string;
  publicSuffixRule?: PublicSuffixRule;
  /** Extra trusted roots (PEM), besides Node's public root store. */
  extraAnchorsPem?: string[];
  /** When to judge validity (the tenant's sandbox clock; default now). */
  at?: Date;
  /** The vendor program's "Validated" badge (a registered app's console flag). */
  validated?: boolean;
  /**
   * The most the whole check may take, waiting for a free probe slot included (default: the connection timeout
   * plus 1 s). Past it the host counts as unreachable: the token endpoint never waits longer on a hanging host.
   */
  deadlineMs?: number;
}

export interface LiveCheck {
  source: "live";
  redirectUri: string;
  hostname: string;
  address: string | null;
  checkedAt: string;
  facts: TrustFacts;
  verdict: Verdict;
  findings: (Finding | ProbeNote)[];
  snapshot: TrustSnapshot;
  snapshotHash: string;
}

export class NotProbeable extends Error {
  override name = "NotProbeable";
}

export function probeTarget(redirectUri: string): { hostname: string; port: number } {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    throw new NotProbeable(`"${redirectUri}" is not an absolute URI`);
  }
  if (url.protocol !== "https:") throw new NotProbeable(`"${redirectUri}" is not an https URI: only an https redirect URI's host has a certificate to check`);
  return { hostname: bareHostname(url.hostname), port: url.port ? Number(url.port) : 443 };
}

/** The observation, or an unreachable host once the deadline has passed. */
async function observeWithin(hostname: string, domain: string, options: LiveProbeOptions, deadlineMs: number): Promise<LiveObservation> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<LiveObservation>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          world: { reachable: false, tlsVersions: [], chainPem: [], txtRecords: [] },
          address: null,
          notes: [{ code: "host.unreachable", severity: "error", message: `${hostname} did not finish answering within ${deadlineMs / 1000} s.` }],
        }),
      deadlineMs,
    );
  });
  try {
    return await Promise.race([observeLiveHost(hostname, domain, options), late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkLive(input: LiveCheckInput): Promise<LiveCheck> {
  const { hostname, port } = probeTarget(input.redirectUri);
  const domain = registrableDomain(hostname, input.publicSuffixRule);
  const at = input.at ?? new Date();
  const deadlineMs = input.deadlineMs ?? (input.timeoutMs ?? 5000) + 1000;
  const observation = await observeWithin(hostname, domain, { ...input, port: input.port ?? port }, deadlineMs);
  const facts = collectFacts(observation.world, {
    clientId: input.clientId,
    hostname,
    registrableDomain: domain,
    now: at,
    trustAnchors: [...rootCertificates, ...(input.extraAnchorsPem ?? [])],
    revoked: new Set(),
  });
  const { verdict, findings } = judge(facts, { clientName: input.clientName ?? input.clientId, validated: input.validated ?? false });
  // The probe's own words win where it knows more (why the host was unreachable).
  const explained = findings.map((finding) => observation.notes.find((note) => note.code === finding.code) ?? finding);
  const probeNotes = observation.notes.filter((note) => !findings.some((finding) => finding.code === note.code));
  const snapshot = takeSnapshot(facts, verdict, "live");
  return {
    source: "live",
    redirectUri: input.redirectUri,
    hostname,
    address: observation.address,
    checkedAt: at.toISOString(),
    facts,
    verdict,
    findings: [...explained, ...probeNotes],
    snapshot,
    snapshotHash: snapshotHash(snapshot),
  };
}
