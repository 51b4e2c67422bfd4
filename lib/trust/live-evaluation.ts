// A live check of a redirect URI's host, evaluated exactly like a simulated one: live observation → collectFacts
// (against Node's public root store plus configured anchors; a stapled OCSP response's "revoked" marks the
// certificate revoked) → judge → snapshot. Notes of what the probe saw or could not see (unreachable, timeouts, DNS
// failures, the stapled OCSP status or that revocation was not checked) join the findings.
import { rootCertificates } from "node:tls";
import { collectFacts, revocationKey } from "./collect-facts";
import { parseCertificate } from "./parsed-certificate";
import { readStapledOcsp, type StapleReading } from "./stapled-ocsp";
import { judge } from "./judge";
import { lookupTxt, observeLiveHost, type LiveObservation, type LiveProbeOptions, type ProbeNote } from "./live-probe";
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
   * The most the whole check may take, waiting for a free probe slot included (default: the connection timeout,
   * 5 s). Past it the host counts as unreachable: the token endpoint never waits longer on a hanging host.
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
  /** What the stapled OCSP response said, `not-stapled`, or `invalid` (not accepted; see the findings). */
  ocspStaple: "good" | "revoked" | "unknown" | "invalid" | "not-stapled";
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
  if (url.protocol !== "https:")
    throw new NotProbeable(`"${redirectUri}" is not an https URI: only an https redirect URI's host has a certificate to check`);
  return { hostname: bareHostname(url.hostname), port: url.port ? Number(url.port) : 443 };
}

/**
 * The observation, or an unreachable host once the deadline has passed. The TXT lookup runs on its own, so a host
 * that hangs is not also reported as a domain without records when its DNS answered.
 */
async function observeWithin(hostname: string, domain: string, options: LiveProbeOptions, deadlineMs: number): Promise<LiveObservation> {
  const txt = lookupTxt(domain, options);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), deadlineMs);
  });
  try {
    const observed = await Promise.race([observeLiveHost(hostname, domain, options, txt), late]);
    if (observed !== "late") return observed;
    const dns = await Promise.race([txt, Promise.resolve(null)]);
    const dnsNote: ProbeNote = {
      code: "dns.lookup-failed",
      severity: "warning",
      message: `The TXT records of ${domain} could not be read in time.`,
    };
    return {
      world: { reachable: false, tlsVersions: [], chainPem: [], txtRecords: dns?.records ?? [] },
      address: null,
      notes: [
        { code: "host.unreachable", severity: "error", message: `${hostname} did not finish answering within ${deadlineMs / 1000} s.` },
        ...(dns ? (dns.note ? [dns.note] : []) : [dnsNote]),
      ],
    };
  } finally {
    clearTimeout(timer);
  }
}

/** What the probe learnt about revocation: from the stapled OCSP response, or that it could not tell. */
function revocationNote(staple: StapleReading | null): ProbeNote {
  if (!staple) {
    return {
      code: "certificate.revocation-not-checked",
      severity: "info",
      message:
        "Revocation was not checked: the server does not staple an OCSP response, and the probe does not ask the certificate authority itself.",
    };
  }
  if (staple.kind === "invalid")
    return {
      code: "certificate.ocsp-staple-invalid",
      severity: "warning",
      message: `The server stapled an OCSP response the probe cannot accept: ${staple.reason}. Revocation was not checked.`,
    };
  if (staple.status === "good")
    return {
      code: "certificate.ocsp-good",
      severity: "info",
      message: `The server stapled its certificate authority's OCSP response: not revoked (as of ${staple.thisUpdate}).`,
    };
  if (staple.status === "revoked")
    return {
      code: "certificate.ocsp-revoked",
      severity: "error",
      message: `The server stapled its certificate authority's OCSP response: revoked${staple.revokedAt ? ` on ${staple.revokedAt}` : ""}.`,
    };
  return {
    code: "certificate.ocsp-unknown",
    severity: "warning",
    message: "The server stapled an OCSP response in which its certificate authority does not know this certificate.",
  };
}

export async function checkLive(input: LiveCheckInput): Promise<LiveCheck> {
  const { hostname, port } = probeTarget(input.redirectUri);
  const domain = registrableDomain(hostname, input.publicSuffixRule);
  const at = input.at ?? new Date();
  const deadlineMs = input.deadlineMs ?? input.timeoutMs ?? 5000;
  const observation = await observeWithin(hostname, domain, { ...input, port: input.port ?? port }, deadlineMs);
  const [leafPem, issuerPem] = observation.world.chainPem;
  const staple = observation.ocspStaple && leafPem ? readStapledOcsp(observation.ocspStaple, leafPem, issuerPem, at) : null;
  const revoked = new Set<string>();
  if (staple?.kind === "status" && staple.status === "revoked" && issuerPem)
    revoked.add(revocationKey(parseCertificate(issuerPem), parseCertificate(leafPem).serialNumber));
  const facts = collectFacts(observation.world, {
    clientId: input.clientId,
    hostname,
    registrableDomain: domain,
    now: at,
    trustAnchors: [...rootCertificates, ...(input.extraAnchorsPem ?? [])],
    revoked,
  });
  if (observation.world.reachable) observation.notes.push(revocationNote(staple));
  const { verdict, findings } = judge(facts, { clientName: input.clientName ?? input.clientId, validated: input.validated ?? false });
  // The probe's own words win where it knows more (why the host was unreachable).
  const explained = findings.map((finding) => observation.notes.find((note) => note.code === finding.code) ?? finding);
  const probeNotes = observation.notes.filter((note) => !findings.some((finding) => finding.code === note.code));
  // A failed TXT lookup is not a domain without the record: the note says what happened instead.
  const lookupFailed = observation.notes.some((note) => note.code === "dns.lookup-failed");
  const snapshot = takeSnapshot(facts, verdict, "live");
  return {
    source: "live",
    redirectUri: input.redirectUri,
    hostname,
    address: observation.address,
    checkedAt: at.toISOString(),
    facts,
    verdict,
    findings: [...explained.filter((finding) => !(lookupFailed && finding.code === "dns.client-id-record-missing")), ...probeNotes],
    snapshot,
    snapshotHash: snapshotHash(snapshot),
    ocspStaple: !staple ? "not-stapled" : staple.kind === "invalid" ? "invalid" : staple.status,
  };
}
