// The vocabulary of the trust engine: the simulated world of an app's host, the facts a probe collects
// from it, the verdict shown to patients, and the snapshot a grant keeps.

export const TLS_VERSIONS = ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];
export const MODERN_TLS_VERSIONS: readonly TlsVersion[] = ["TLSv1.2", "TLSv1.3"];

export type CertificateType = "DV" | "OV" | "EV" | "unknown";

/** The TLS endpoint and DNS records of an app's trust hostname, as the sandbox simulates them. */
export interface SimulatedWorld {
  reachable: boolean;
  tlsVersions: TlsVersion[];
  /** PEM certificates, leaf first. */
  chainPem: string[];
  /** TXT records at the registrable domain (eTLD+1). */
  txtRecords: string[];
}

export interface DistinguishedName {
  commonName: string | null;
  organization: string | null;
  country: string | null;
  state: string | null;
  locality: string | null;
}

export interface CertificateFacts {
  subject: DistinguishedName;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  fingerprintSha256: string;
  type: CertificateType;
  subjectAltNames: string[];
  selfSigned: boolean;
  revoked: boolean;
}

export type Validity = "valid" | "expired" | "not-yet-valid";

export interface TrustFacts {
  hostname: string;
  reachable: boolean;
  tls: { versions: TlsVersion[]; modernVersionOffered: boolean; legacyVersionOffered: boolean };
  certificate: null | {
    chain: CertificateFacts[];
    validity: Validity;
    chainTrusted: boolean;
    trustAnchor: string | null;
    revoked: boolean;
    hostnameMatches: boolean;
  };
  dns: { registrableDomain: string; txtRecords: string[]; clientIdRecord: string; clientIdRecordPresent: boolean };
}

export type Severity = "error" | "warning" | "info";

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
}

/** What the consent screen shows about the app (DESIGN §1.2). */
export interface IdentityBlock {
  label: "verified" | "unknown";
  appName: string | null;
  organization: string | null;
  location: string | null;
  domain: string;
  /** The vendor program's "Validated" badge, set from the console. */
  validated: boolean;
}

export interface Verdict {
  label: IdentityBlock["label"];
  identity: IdentityBlock;
}

/** Where an app's trust checks look: its simulated host, or its real https redirect URI host (the live probe). */
export const TRUST_SOURCES = ["simulated", "live"] as const;
export type TrustSource = (typeof TRUST_SOURCES)[number];

export type SuspensionPolicy = "strict" | "identity";

/** A canonical, comparable record of the facts that matter, as a grant keeps it. */
export interface TrustSnapshot {
  version: 1;
  /** Present only for a live check: a simulated snapshot leaves it out. */
  source?: "live";
  hostname: string;
  reachable: boolean;
  tlsVersions: TlsVersion[];
  modernTls: boolean;
  certificate: null | {
    fingerprintSha256: string;
    serialNumber: string;
    notAfter: string;
    issuer: string;
    type: CertificateType;
    organization: string | null;
    location: string | null;
    validity: Validity;
    chainTrusted: boolean;
    selfSigned: boolean;
    revoked: boolean;
    hostnameMatches: boolean;
  };
  dns: { registrableDomain: string; txtRecords: string[]; clientIdRecordPresent: boolean };
  identity: { label: IdentityBlock["label"]; organization: string | null; location: string | null; domain: string };
}

/** Which kind of fact a change touches: `identity` and `acceptability` changes count under every policy. */
export type ChangeKind = "identity" | "acceptability" | "fact";

export interface TrustChange {
  code: string;
  kind: ChangeKind;
  sentence: string;
}

export interface TrustEvaluation {
  clientId: string;
  /** Where the facts came from (absent in evaluations stored before live checks existed: simulated). */
  source?: TrustSource;
  checkedAt: string;
  cached: boolean;
  facts: TrustFacts;
  verdict: Verdict;
  findings: Finding[];
  snapshot: TrustSnapshot;
  snapshotHash: string;
}
