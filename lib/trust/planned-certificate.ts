// The facts of a certificate a scenario would mint, worked out without minting it: a reissue fixes the subject,
// host name, type, validity and issuer (scenarios.ts, LeafPlan), and those decide every fact the judge and the
// snapshot read. Only the new key, serial number and fingerprint are unknown, and a new certificate's
// fingerprint differs from every earlier one whatever it is. Predictions use this for the seven reissue
// scenarios instead of generating a key pair, signing and parsing a certificate each (tens of ms per render).
import { name } from "./certificate-factory";
import type { CertificateAuthorities } from "./certificate-authorities";
import { worldFacts } from "./evaluate-trust";
import { parseCertificate } from "./parsed-certificate";
import type { LeafPlan } from "./scenarios";
import type { LoadedHost } from "./simulated-host";
import type { CertificateFacts, TrustFacts, Validity } from "./types";

/** Stands for the unknown fingerprint and serial number: equal to no real certificate's. */
export const NOT_YET_ISSUED = "(not yet issued)";

/** X.509 times have whole seconds; the minted certificate would drop the milliseconds. */
const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

/**
 * The world's facts once the planned certificate is in place, or null when the plan is outside what this
 * models (a wildcard host name, whose match node:crypto decides): the caller then mints and probes as before.
 */
export function plannedFacts(
  host: LoadedHost,
  plan: LeafPlan,
  at: Date,
  authorities: CertificateAuthorities,
  revoked: ReadonlySet<string>,
): TrustFacts | null {
  if (plan.hostname.includes("*")) return null;
  // Everything but the certificate, exactly as the probe sees the reissued world (which is always reachable).
  const world = { ...host.current, reachable: true };
  const base = worldFacts(host, { ...world, chainPem: [] }, at, authorities, revoked);
  // The issuer's own path to the trust store and its revocation are what the probe finds above the new leaf.
  const issuerPem = plan.issuer === "self" ? null : authorities.byId[plan.issuer].pem;
  const above = issuerPem ? worldFacts(host, { ...world, chainPem: [issuerPem] }, at, authorities, revoked).certificate! : null;
  const organization = plan.type === "DV" ? null : plan.organization;
  const notBefore = wholeSeconds(plan.notBefore);
  const notAfter = wholeSeconds(plan.notAfter);
  const leaf: CertificateFacts = {
    subject: {
      commonName: plan.hostname,
      organization: organization?.name ?? null,
      country: organization?.country ?? null,
      state: organization?.state ?? null,
      locality: organization?.locality ?? null,
    },
    issuer: issuerPem ? parseCertificate(issuerPem).subjectText : name(plan.hostname, organization).toString(),
    serialNumber: NOT_YET_ISSUED,
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    fingerprintSha256: NOT_YET_ISSUED,
    type: plan.type,
    subjectAltNames: [plan.hostname],
    selfSigned: !issuerPem,
    revoked: false, // a new serial number is on no revocation list
  };
  const validity: Validity = at < notBefore ? "not-yet-valid" : at > notAfter ? "expired" : "valid";
  return {
    ...base,
    certificate: {
      chain: [leaf, ...(above ? [above.chain[0]] : [])],
      validity,
      chainTrusted: above?.chainTrusted ?? false,
      trustAnchor: above?.trustAnchor ?? null,
      revoked: above?.revoked ?? false,
      hostnameMatches: plan.hostname.toLowerCase() === host.hostname.toLowerCase(),
    },
  };
}
