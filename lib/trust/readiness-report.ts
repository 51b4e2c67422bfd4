// "Check my app": a live check of the developer's own redirect URI, shaped for people and scripts — what the
// patient would see (Verified / Unknown App), every fact with where it came from, and what to fix for each finding.
import type { Db } from "../db/client";
import { sandboxNow } from "../clock/sandbox-clock";
import { probeSettings } from "../config/probe-settings";
import { readSettings } from "../settings/tenant-settings";
import { clientIdRecord, type PublicSuffixRule } from "./registrable-domain";
import { checkLive, type LiveCheck } from "./live-evaluation";
import type { LiveProbeOptions } from "./live-probe";
import { adviceFor } from "./probe-advice";
import type { IdentityBlock } from "./types";

export interface ReadinessReport {
  redirect_uri: string;
  client_id: string;
  /** The registered app's name when the client id is one of the tenant's apps. */
  client_name: string | null;
  checked_at: string;
  /** What the consent screen would show a patient. */
  patient_sees: IdentityBlock & { label: "verified" | "unknown" };
  ready: boolean;
  findings: { code: string; severity: string; message: string; fix: string | null }[];
  sources: {
    hostname: string;
    address: string | null;
    tls_versions: string[];
    certificate_chain: {
      subject: string | null;
      organization: string | null;
      issuer: string;
      type: string;
      not_after: string;
      fingerprint_sha256: string;
    }[];
    txt_records: { domain: string; records: string[] };
    /** The server's stapled OCSP response: its status, `invalid` (not accepted), or `not-stapled`. */
    ocsp_staple: LiveCheck["ocspStaple"];
  };
  snapshot_hash: string | null;
}

export function reportOf(check: LiveCheck, clientId: string, clientName: string | null): ReadinessReport {
  const facts = check.facts;
  const identity = check.verdict.identity;
  const context = { domain: facts.dns.registrableDomain, record: clientIdRecord(clientId), hostname: check.hostname };
  return {
    redirect_uri: check.redirectUri,
    client_id: clientId,
    client_name: clientName,
    checked_at: check.checkedAt,
    patient_sees: identity,
    ready: identity.label === "verified",
    findings: check.findings.map((finding) => ({
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      fix: adviceFor(finding.code, context),
    })),
    sources: {
      hostname: check.hostname,
      address: check.address,
      tls_versions: facts.tls.versions,
      certificate_chain: (facts.certificate?.chain ?? []).map((certificate) => ({
        subject: certificate.subject.commonName,
        organization: certificate.subject.organization,
        issuer: certificate.issuer,
        type: certificate.type,
        not_after: certificate.notAfter,
        fingerprint_sha256: certificate.fingerprintSha256,
      })),
      txt_records: { domain: facts.dns.registrableDomain, records: facts.dns.txtRecords },
      ocsp_staple: check.ocspStaple,
    },
    snapshot_hash: check.snapshotHash,
  };
}

/**
 * The report for one tenant, as the console and the control API ask for it: the tenant's public-suffix rule and
 * sandbox clock, the registered app's name when the client id is one, and this deployment's probe settings.
 * Throws NotProbeable for a URI it cannot check and ConfigurationError for a misconfigured probe.
 */
export async function tenantReadinessReport(
  db: Db,
  tenantId: string,
  input: { redirectUri: string; clientId: string },
): Promise<ReadinessReport> {
  const network = probeSettings();
  const [settings, at, client] = await Promise.all([
    readSettings(db, tenantId),
    sandboxNow(db, tenantId),
    db.client.findFirst({ where: { id: input.clientId, tenantId }, select: { clientName: true } }),
  ]);
  return readinessReport({ ...input, clientName: client?.clientName, publicSuffixRule: settings.publicSuffixRule, at, ...network });
}

export async function readinessReport(
  input: {
    redirectUri: string;
    clientId: string;
    clientName?: string;
    publicSuffixRule?: PublicSuffixRule;
    extraAnchorsPem?: string[];
    at?: Date;
  } & LiveProbeOptions,
): Promise<ReadinessReport> {
  return reportOf(await checkLive(input), input.clientId, input.clientName ?? null);
}
