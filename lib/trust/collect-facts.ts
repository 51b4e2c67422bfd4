// The probe over a simulated world: turns an app host's TLS endpoint and DNS records into facts,
// checked against the sandbox clock, the trust store and the CAs' revocation lists.
import { parseCertificate, type ParsedCertificate } from "./parsed-certificate";
import { clientIdRecord } from "./registrable-domain";
import { MODERN_TLS_VERSIONS, TLS_VERSIONS, type CertificateFacts, type SimulatedWorld, type TrustFacts, type Validity } from "./types";

export interface ProbeContext {
  clientId: string;
  hostname: string;
  registrableDomain: string;
  now: Date;
  /** Trusted root certificates (PEM). */
  trustAnchors: readonly string[];
  /** Revoked certificates as `<issuer SHA-256 fingerprint>/<serial number>`. */
  revoked: ReadonlySet<string>;
}

const MAX_CHAIN_DEPTH = 8;

export function revocationKey(issuer: ParsedCertificate, serialNumber: string): string {
  return `${issuer.fingerprintSha256}/${serialNumber.toUpperCase()}`;
}

function issuedBy(child: ParsedCertificate, parent: ParsedCertificate): boolean {
  return child.node.checkIssued(parent.node) && child.node.verify(parent.node.publicKey);
}

/** Builds the path from the leaf towards a trusted root, through the presented certificates. */
function buildPath(chain: ParsedCertificate[], anchors: ParsedCertificate[]) {
  const candidates = [...chain.slice(1), ...anchors];
  const anchorPrints = new Set(anchors.map((a) => a.fingerprintSha256));
  const path = [chain[0]];
  for (let depth = 0; depth < MAX_CHAIN_DEPTH; depth++) {
    const current = path[path.length - 1];
    if (anchorPrints.has(current.fingerprintSha256)) return { path, trusted: true };
    if (current.selfSigned) break;
    const issuer = candidates.find((candidate) => !path.includes(candidate) && issuedBy(current, candidate));
    if (!issuer) break;
    path.push(issuer);
  }
  return { path, trusted: false };
}

function validityAt(certificate: ParsedCertificate, now: Date): Validity {
  if (now < certificate.notBefore) return "not-yet-valid";
  if (now > certificate.notAfter) return "expired";
  return "valid";
}

function describe(certificate: ParsedCertificate, revoked: boolean): CertificateFacts {
  return {
    subject: certificate.subject,
    issuer: certificate.issuerText,
    serialNumber: certificate.serialNumber,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    fingerprintSha256: certificate.fingerprintSha256,
    type: certificate.type,
    subjectAltNames: certificate.subjectAltNames,
    selfSigned: certificate.selfSigned,
    revoked,
  };
}

function certificateFacts(world: SimulatedWorld, context: ProbeContext): TrustFacts["certificate"] {
  if (!world.reachable || world.chainPem.length === 0) return null;
  const chain = world.chainPem.map(parseCertificate);
  const anchors = context.trustAnchors.map(parseCertificate);
  const { path, trusted } = buildPath(chain, anchors);
  const revokedFlags = chain.map((certificate) => {
    const index = path.indexOf(certificate);
    const issuer = index >= 0 ? path[index + 1] : undefined;
    return issuer ? context.revoked.has(revocationKey(issuer, certificate.serialNumber)) : false;
  });
  const leaf = chain[0];
  return {
    chain: chain.map((certificate, index) => describe(certificate, revokedFlags[index])),
    validity: validityAt(leaf, context.now),
    chainTrusted: trusted,
    trustAnchor: trusted ? path[path.length - 1].subject.commonName : null,
    revoked: revokedFlags.some(Boolean),
    hostnameMatches: leaf.node.checkHost(context.hostname) !== undefined,
  };
}

export function collectFacts(world: SimulatedWorld, context: ProbeContext): TrustFacts {
  const versions = world.reachable ? TLS_VERSIONS.filter((version) => world.tlsVersions.includes(version)) : [];
  const record = clientIdRecord(context.clientId);
  const txtRecords = [...world.txtRecords].sort();
  return {
    hostname: context.hostname,
    reachable: world.reachable,
    tls: {
      versions,
      modernVersionOffered: versions.some((version) => MODERN_TLS_VERSIONS.includes(version)),
      legacyVersionOffered: versions.some((version) => !MODERN_TLS_VERSIONS.includes(version)),
    },
    certificate: certificateFacts(world, context),
    dns: {
      registrableDomain: context.registrableDomain,
      txtRecords,
      clientIdRecord: record,
      clientIdRecordPresent: txtRecords.includes(record),
    },
  };
}
