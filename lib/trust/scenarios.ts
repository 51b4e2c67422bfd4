// The finite, typed table of trust scenarios: each is one reversible change to an app's simulated world.
// Names are a public interface (QA scripts use them). A scenario changes what is there now, so they compose:
// `certificate-expired` after `certificate-downgraded-dv` gives an expired DV certificate.
import type { AuthorityId } from "./authority-ids";
import type { CertificateAuthorities } from "./certificate-authorities";
import { createLeafCertificate, type Organization, type SigningAuthority } from "./certificate-factory";
import { parseCertificate } from "./parsed-certificate";
import { clientIdRecord } from "./registrable-domain";
import type { LoadedHost } from "./simulated-host";
import type { SimulatedWorld } from "./types";

export const SCENARIO_NAMES = [
  "certificate-expired",
  "certificate-renewed",
  "certificate-downgraded-dv",
  "certificate-organization-changed",
  "certificate-self-signed",
  "certificate-untrusted-issuer",
  "certificate-revoked",
  "certificate-hostname-mismatch",
  "tls-legacy-only",
  "dns-txt-removed",
  "dns-txt-wrong-client",
  "host-unreachable",
  "restore-baseline",
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface ScenarioContext {
  host: LoadedHost;
  authorities: CertificateAuthorities;
  now: Date;
}

export interface ScenarioOutcome {
  world: SimulatedWorld;
  /** Certificates to add to a sandbox CA's revocation list. */
  revoke?: { issuerId: AuthorityId; serialNumber: string }[];
  /** Serial numbers whose revocation is lifted (restore-baseline). */
  unrevoke?: string[];
}

export class ScenarioNotApplicableError extends Error {
  override name = "ScenarioNotApplicableError";
}

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;
/** A host name no app uses, for the mismatch scenario. */
export const MISMATCHED_HOSTNAME = "origin.shared-hosting-provider.net";
export const OTHER_CLIENT_ID = "another-app-on-this-domain";
const CHANGED_ORGANIZATION = "Northwind Data Brokers LLC";

/** Which sandbox CA issued a certificate, if any. */
function sandboxIssuer(authorities: CertificateAuthorities, pem: string): AuthorityId | null {
  const leaf = parseCertificate(pem);
  for (const [id, authority] of Object.entries(authorities.byId)) {
    const ca = parseCertificate(authority.pem);
    if (!leaf.selfSigned && leaf.node.checkIssued(ca.node) && leaf.node.verify(ca.node.publicKey)) return id as AuthorityId;
  }
  return null;
}

interface Reissue {
  hostname?: string;
  type?: "DV" | "OV" | "EV";
  organization?: Organization;
  notBefore?: Date;
  notAfter?: Date;
  issuer?: AuthorityId | "self";
}

/** The certificate a reissue would mint, decided without minting it (scenario predictions read this). */
export interface LeafPlan {
  hostname: string;
  type: "DV" | "OV" | "EV";
  /** Null for DV: a domain-validated certificate names no organization. */
  organization: Organization | null;
  notBefore: Date;
  notAfter: Date;
  issuer: AuthorityId | "self";
}

/** A new certificate like the current one (new key and serial), with some properties overridden. */
function planReissue(context: ScenarioContext, overrides: Reissue): LeafPlan {
  const { host, authorities, now } = context;
  const currentPem = host.current.chainPem[0];
  const current = currentPem ? parseCertificate(currentPem) : null;
  const currentIssuer = currentPem
    ? current!.selfSigned
      ? "self"
      : (sandboxIssuer(authorities, currentPem) ?? "public-intermediate")
    : "public-intermediate";
  const subject = current?.subject;
  const organization: Organization =
    overrides.organization ??
    (subject?.organization
      ? {
          name: subject.organization,
          country: subject.country ?? host.organization.country,
          state: subject.state ?? host.organization.state,
          locality: subject.locality ?? host.organization.locality,
        }
      : host.organization);
  const currentType = current?.type;
  const type = overrides.type ?? (currentType === "DV" || currentType === "OV" || currentType === "EV" ? currentType : "OV");
  return {
    hostname: overrides.hostname ?? current?.subjectAltNames[0] ?? host.hostname,
    type,
    organization: type === "DV" ? null : organization,
    notBefore: overrides.notBefore ?? new Date(now.getTime() - 3_600_000),
    notAfter: overrides.notAfter ?? new Date(now.getTime() + YEAR_MS),
    issuer: overrides.issuer ?? currentIssuer,
  };
}

async function mint(context: ScenarioContext, plan: LeafPlan): Promise<SimulatedWorld> {
  const { host, authorities } = context;
  const issuer: SigningAuthority | undefined = plan.issuer === "self" ? undefined : authorities.byId[plan.issuer];
  const leaf = await createLeafCertificate({ ...plan, issuer });
  const leafPem = leaf.toString("pem");
  const chainPem = plan.issuer === "self" ? [leafPem] : [leafPem, authorities.byId[plan.issuer].pem];
  return { ...host.current, reachable: true, chainPem };
}

interface ScenarioDefinition {
  description: string;
  /** Scenarios that reissue the certificate: the certificate they would mint, so it can be predicted unminted. */
  plan?(context: ScenarioContext): LeafPlan;
  apply(context: ScenarioContext): Promise<ScenarioOutcome>;
}

const withWorld = async (world: Promise<SimulatedWorld> | SimulatedWorld): Promise<ScenarioOutcome> => ({ world: await world });

/** A scenario that replaces the certificate: apply mints exactly what plan describes. */
function reissuing(description: string, overrides: (context: ScenarioContext) => Reissue): ScenarioDefinition {
  const plan = (context: ScenarioContext) => planReissue(context, overrides(context));
  return { description, plan, apply: (context) => withWorld(mint(context, plan(context))) };
}

export const SCENARIOS: Record<ScenarioName, ScenarioDefinition> = {
  "certificate-expired": reissuing("The app's certificate expired yesterday (same organization and host).", (c) => ({
    notBefore: new Date(c.now.getTime() - YEAR_MS - DAY_MS),
    notAfter: new Date(c.now.getTime() - DAY_MS),
  })),
  "certificate-renewed": reissuing(
    "The certificate was renewed: new key and serial number, same organization and host, valid for a year.",
    () => ({}),
  ),
  "certificate-downgraded-dv": reissuing("The certificate was replaced by a domain-validated (DV) one that names no organization.", () => ({
    type: "DV",
  })),
  "certificate-organization-changed": reissuing(`The certificate now names another organization ("${CHANGED_ORGANIZATION}").`, (c) => {
    const current = c.host.current.chainPem[0] ? parseCertificate(c.host.current.chainPem[0]).subject.organization : null;
    const name = current === CHANGED_ORGANIZATION ? "Contoso Health Analytics Ltd" : CHANGED_ORGANIZATION;
    return { type: "OV", organization: { ...c.host.organization, name } };
  }),
  "certificate-self-signed": reissuing("The server presents a self-signed certificate that no trusted authority vouches for.", () => ({
    issuer: "self",
  })),
  "certificate-untrusted-issuer": reissuing("The certificate is issued by a private CA that is not in the public trust store.", () => ({
    issuer: "private-root",
  })),
  "certificate-revoked": {
    description: "The issuing CA revoked the app's current certificate.",
    async apply(c) {
      const leafPem = c.host.current.chainPem[0];
      const issuerId = leafPem ? sandboxIssuer(c.authorities, leafPem) : null;
      if (!leafPem || !issuerId)
        throw new ScenarioNotApplicableError(
          "the current certificate was not issued by a sandbox CA, so the sandbox cannot revoke it; restore the baseline first",
        );
      return {
        world: { ...c.host.current, reachable: true },
        revoke: [{ issuerId, serialNumber: parseCertificate(leafPem).serialNumber }],
      };
    },
  },
  "certificate-hostname-mismatch": reissuing(`The certificate is for another host name (${MISMATCHED_HOSTNAME}).`, () => ({
    hostname: MISMATCHED_HOSTNAME,
  })),
  "tls-legacy-only": {
    description: "The server only speaks TLS 1.0 and 1.1.",
    apply: (c) => withWorld({ ...c.host.current, tlsVersions: ["TLSv1", "TLSv1.1"] }),
  },
  "dns-txt-removed": {
    description: "The TXT record cerner-client-id=<client_id> was removed from the app's domain.",
    apply: (c) =>
      withWorld({ ...c.host.current, txtRecords: c.host.current.txtRecords.filter((r) => r !== clientIdRecord(c.host.clientId)) }),
  },
  "dns-txt-wrong-client": {
    description: `The domain's TXT record names another client id (${OTHER_CLIENT_ID}) instead of this app's.`,
    apply: (c) =>
      withWorld({
        ...c.host.current,
        txtRecords: [...c.host.current.txtRecords.filter((r) => !r.startsWith("cerner-client-id=")), clientIdRecord(OTHER_CLIENT_ID)],
      }),
  },
  "host-unreachable": {
    description: "The app's server does not answer on port 443.",
    apply: (c) => withWorld({ ...c.host.current, reachable: false }),
  },
  "restore-baseline": {
    description: "Put back the certificate, TLS versions and DNS records the app was registered with.",
    apply: async (c) => ({
      world: c.host.baseline,
      unrevoke: c.host.baseline.chainPem.map((pem) => parseCertificate(pem).serialNumber),
    }),
  },
};

export function listScenarios(): { name: ScenarioName; description: string }[] {
  return SCENARIO_NAMES.map((name) => ({ name, description: SCENARIOS[name].description }));
}

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}
