// From facts to what the patient is shown (DESIGN §1.2): the app's name, organization and location only
// when TLS is valid and trusted, the certificate is OV/EV and the domain publishes the app's TXT record.
import { identifiesOrganization } from "./certificate-policies";
import { locationText, longDate, tlsVersionList } from "./plain-words";
import { unassessableHost } from "./trust-hostname";
import type { Finding, TrustFacts, Verdict } from "./types";

export interface AppIdentity {
  clientName: string;
  validated: boolean;
}

/** The certificate is acceptable: reachable over modern TLS, in its validity window, trusted, not revoked, for this host. */
export function certificateAcceptable(facts: TrustFacts): boolean {
  const certificate = facts.certificate;
  return (
    facts.reachable &&
    facts.tls.modernVersionOffered &&
    !!certificate &&
    certificate.validity === "valid" &&
    certificate.chainTrusted &&
    !certificate.revoked &&
    certificate.hostnameMatches
  );
}

function certificateFindings(facts: TrustFacts): Finding[] {
  const findings: Finding[] = [];
  const host = facts.hostname;
  if (!facts.reachable) {
    return [
      {
        code: "host.unreachable",
        severity: "error",
        message: `The app's server at ${host} could not be reached, so its certificate could not be checked.`,
      },
    ];
  }
  if (!facts.tls.modernVersionOffered) {
    findings.push({
      code: "tls.legacy-only",
      severity: "error",
      message: `The app's server offers only outdated TLS versions (${tlsVersionList(facts.tls.versions)}); TLS 1.2 or 1.3 is required.`,
    });
  } else if (facts.tls.legacyVersionOffered) {
    findings.push({
      code: "tls.legacy-also-offered",
      severity: "info",
      message: `The app's server also accepts outdated TLS versions (${tlsVersionList(facts.tls.versions)}).`,
    });
  }
  const certificate = facts.certificate;
  if (!certificate)
    return [...findings, { code: "certificate.missing", severity: "error", message: "The app's server presented no certificate." }];
  const leaf = certificate.chain[0];
  if (certificate.validity === "expired")
    findings.push({
      code: "certificate.expired",
      severity: "error",
      message: `The app's certificate expired on ${longDate(leaf.notAfter)}.`,
    });
  if (certificate.validity === "not-yet-valid")
    findings.push({
      code: "certificate.not-yet-valid",
      severity: "error",
      message: `The app's certificate is not valid until ${longDate(leaf.notBefore)}.`,
    });
  if (!certificate.chainTrusted) {
    findings.push(
      leaf.selfSigned
        ? {
            code: "certificate.self-signed",
            severity: "error",
            message: "The app's certificate is self-signed: no trusted certificate authority vouches for it.",
          }
        : {
            code: "certificate.untrusted-issuer",
            severity: "error",
            message: `The app's certificate was issued by "${leaf.issuer}", which is not a trusted public certificate authority.`,
          },
    );
  }
  if (certificate.revoked)
    findings.push({ code: "certificate.revoked", severity: "error", message: "The app's certificate has been revoked by its issuer." });
  if (!certificate.hostnameMatches) {
    findings.push({
      code: "certificate.hostname-mismatch",
      severity: "error",
      message: `The app's certificate is for ${leaf.subjectAltNames.join(", ") || leaf.subject.commonName || "another name"}, not for ${host}.`,
    });
  }
  if (!identifiesOrganization(leaf.type)) {
    findings.push({
      code: leaf.type === "DV" ? "certificate.domain-validated" : "certificate.type-unknown",
      severity: "warning",
      message:
        leaf.type === "DV"
          ? "The app's certificate is domain-validated (DV): it does not identify an organization, so the app's name and organization are not shown."
          : "The app's certificate names no validation type (DV, OV or EV), so the app's name and organization are not shown.",
    });
  }
  return findings;
}

function dnsFindings(facts: TrustFacts): Finding[] {
  const { registrableDomain, clientIdRecord, clientIdRecordPresent, txtRecords } = facts.dns;
  const findings: Finding[] = [];
  if (!clientIdRecordPresent) {
    findings.push({
      code: "dns.client-id-record-missing",
      severity: "warning",
      message: `The domain ${registrableDomain} does not publish the DNS TXT record ${clientIdRecord}, so it does not confirm that it is this app's home.`,
    });
  }
  const others = txtRecords.filter((record) => record.startsWith("cerner-client-id=") && record !== clientIdRecord);
  if (others.length) {
    findings.push({
      code: "dns.other-client-id-records",
      severity: "info",
      message: `The domain ${registrableDomain} also publishes records for other apps: ${others.join(", ")}.`,
    });
  }
  return findings;
}

const UNASSESSABLE: Record<NonNullable<ReturnType<typeof unassessableHost>>, string> = {
  "ip-address": "is an IP address, not a domain name",
  loopback: "is this computer's own address (loopback)",
};

/** An IP address or a loopback name cannot be assessed: no organization or domain stands behind it. */
function hostFindings(facts: TrustFacts): Finding[] {
  const kind = unassessableHost(facts.hostname);
  if (!kind) return [];
  return [
    {
      code: "host.not-assessable",
      severity: "error",
      message: `The app's address ${facts.hostname} ${UNASSESSABLE[kind]}: there is no organization or domain to check.`,
    },
  ];
}

export function judge(facts: TrustFacts, app: AppIdentity): { verdict: Verdict; findings: Finding[] } {
  const hostProblems = hostFindings(facts);
  const findings = hostProblems.length ? hostProblems : [...certificateFindings(facts), ...dnsFindings(facts)];
  const leaf = facts.certificate?.chain[0];
  const verified =
    hostProblems.length === 0 &&
    certificateAcceptable(facts) &&
    !!leaf &&
    identifiesOrganization(leaf.type) &&
    facts.dns.clientIdRecordPresent;
  if (verified) {
    findings.unshift({
      code: "trust.verified",
      severity: "info",
      message: "TLS, certificate and DNS checks passed: patients see the app's name, organization and location.",
    });
  }
  const identity = {
    label: verified ? ("verified" as const) : ("unknown" as const),
    appName: verified ? app.clientName : null,
    organization: verified ? leaf!.subject.organization : null,
    location: verified ? locationText(leaf!.subject.country, leaf!.subject.state, leaf!.subject.locality) : null,
    domain: facts.dns.registrableDomain,
    validated: app.validated,
  };
  return { verdict: { label: identity.label, identity }, findings };
}
