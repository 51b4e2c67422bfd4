// Each app's simulated host: created with a baseline world when the app is registered, changed by scenarios
// and custom edits, and read by every trust evaluation.
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { sandboxNow } from "../clock/sandbox-clock";
import { loadCertificateAuthorities, type CertificateAuthorities } from "./certificate-authorities";
import { createLeafCertificate, type Organization } from "./certificate-factory";
import { clientIdRecord, registrableDomain } from "./registrable-domain";
import { readSettings } from "../settings/tenant-settings";
import { trustHostChoice } from "./trust-hostname";
import type { SimulatedWorld, TrustSource } from "./types";

export interface BaselineOptions {
  /** OV by default; DV for an app that wants to rehearse being an "Unknown App" from the start. */
  certificateType?: "OV" | "DV";
  /** Publish `cerner-client-id=<client_id>` at the registrable domain (default true). */
  txtRecord?: boolean;
}

export class AppNotFoundError extends Error {
  override name = "AppNotFoundError";
  constructor(readonly clientId: string) {
    super(`no app with client_id "${clientId}"`);
  }
}

const YEAR_MS = 365 * 86_400_000;

/** The organization an app's OV certificate names; apps registered without one use their own name. */
export function organizationOf(client: { clientName: string; organization: unknown }): Organization {
  const given = (client.organization ?? {}) as Partial<Organization>;
  return {
    name: given.name || client.clientName,
    country: given.country || "US",
    state: given.state || "MO",
    locality: given.locality || "Kansas City",
  };
}

export function publicChain(authorities: CertificateAuthorities, leafPem: string): string[] {
  return [leafPem, authorities.byId["public-intermediate"].pem];
}

export async function baselineWorld(
  authorities: CertificateAuthorities,
  app: { clientId: string; hostname: string; organization: Organization },
  now: Date,
  options: BaselineOptions = {},
): Promise<SimulatedWorld> {
  const leaf = await createLeafCertificate({
    hostname: app.hostname,
    type: options.certificateType ?? "OV",
    organization: app.organization,
    notBefore: new Date(now.getTime() - 3_600_000),
    notAfter: new Date(now.getTime() + YEAR_MS),
    issuer: authorities.byId["public-intermediate"],
  });
  return {
    reachable: true,
    tlsVersions: ["TLSv1.2", "TLSv1.3"],
    chainPem: publicChain(authorities, leaf.toString("pem")),
    txtRecords: options.txtRecord === false ? [] : [clientIdRecord(app.clientId)],
  };
}

type HostClient = {
  id: string;
  tenantId: string;
  clientName: string;
  organization: unknown;
  publicHostname: string | null;
  redirectUris: unknown;
};

/**
 * The create/replace operation for an app's simulated host with a fresh baseline, for use inside a transaction.
 * Wrapped in an object: an async function returning a PrismaPromise would run it on the spot.
 */
export async function simulatedHostWrite(
  db: Db,
  client: HostClient,
  options: BaselineOptions = {},
): Promise<{ write: Prisma.PrismaPromise<unknown> }> {
  const { hostname, ignoredPublicHostname } = trustHostChoice(client);
  // An app that names a public hostname its codes do not go to borrows that host's certificate: its own server
  // presents it, and its own domain publishes no record.
  const world = await baselineWorld(
    await loadCertificateAuthorities(db),
    { clientId: client.id, hostname: ignoredPublicHostname ?? hostname, organization: organizationOf(client) },
    await sandboxNow(db, client.tenantId),
    ignoredPublicHostname ? { ...options, txtRecord: false } : options,
  );
  const { publicSuffixRule } = await readSettings(db, client.tenantId);
  const data = {
    hostname,
    registrableDomain: registrableDomain(hostname, publicSuffixRule),
    baseline: world as unknown as Prisma.InputJsonValue,
    current: world as unknown as Prisma.InputJsonValue,
  };
  return {
    write: db.trustHost.upsert({
      where: { clientId: client.id },
      create: { clientId: client.id, ...data },
      update: { ...data, revision: { increment: 1 } },
    }),
  };
}

export interface LoadedHost {
  clientId: string;
  tenantId: string;
  clientName: string;
  validated: boolean;
  organization: Organization;
  hostname: string;
  registrableDomain: string;
  baseline: SimulatedWorld;
  current: SimulatedWorld;
  revision: number;
  /** When the client's own fields (name, validated flag) last changed: part of what an evaluation depends on. */
  clientUpdatedAt: Date;
  /** Where checks look: this simulated host, or the real host of `redirectUri` (live). */
  trustSource: TrustSource;
  /** The app's primary (first registered) redirect URI: the one a live check probes. */
  redirectUri: string;
}

export async function loadHost(db: Db, clientId: string): Promise<LoadedHost> {
  const [client, host] = await Promise.all([
    db.client.findUnique({ where: { id: clientId } }),
    db.trustHost.findUnique({ where: { clientId } }),
  ]);
  if (!client || !host) throw new AppNotFoundError(clientId);
  return {
    clientId,
    tenantId: client.tenantId,
    clientName: client.clientName,
    validated: client.validated,
    organization: organizationOf(client),
    hostname: host.hostname,
    registrableDomain: host.registrableDomain,
    baseline: host.baseline as unknown as SimulatedWorld,
    current: host.current as unknown as SimulatedWorld,
    revision: host.revision,
    clientUpdatedAt: client.updatedAt,
    trustSource: client.trustSource === "live" ? "live" : "simulated",
    redirectUri: (client.redirectUris as string[])[0],
  };
}
