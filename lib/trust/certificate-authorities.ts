// The sandbox's own certificate authorities, created once and kept in the database: a "public" root and
// intermediate that the sandbox trust store accepts, and a "private" root that it does not.
import { x509 } from "./x509";
import type { Db } from "../db/client";
import type { AuthorityId } from "./authority-ids";
import { createCertificateAuthority, importPrivateKey, type SigningAuthority } from "./certificate-factory";

const SANDBOX_CA_ORGANIZATION = { name: "SMART Trust Sandbox", country: "US", state: "MO", locality: "Kansas City" };
const AUTHORITIES: { id: AuthorityId; commonName: string; issuer?: AuthorityId; organization: typeof SANDBOX_CA_ORGANIZATION }[] = [
  { id: "public-root", commonName: "Sandbox Public Root CA", organization: SANDBOX_CA_ORGANIZATION },
  { id: "public-intermediate", commonName: "Sandbox Public TLS Issuing CA", issuer: "public-root", organization: SANDBOX_CA_ORGANIZATION },
  {
    id: "private-root",
    commonName: "Private Internal Root CA",
    organization: { ...SANDBOX_CA_ORGANIZATION, name: "Internal IT (not publicly trusted)" },
  },
];

/** The roots the sandbox trust store accepts, like a browser's public root store. */
export const TRUSTED_ROOTS: readonly AuthorityId[] = ["public-root"];

export interface CertificateAuthorities {
  byId: Record<AuthorityId, SigningAuthority & { pem: string }>;
}

const YEAR_MS = 365 * 86_400_000;

/** Creates the missing authorities (long-lived: 2000 to 2100, so clock jumps never expire them). */
export async function ensureCertificateAuthorities(db: Db): Promise<void> {
  for (const authority of AUTHORITIES) {
    if (await db.certificateAuthority.findUnique({ where: { id: authority.id } })) continue;
    const issuer = authority.issuer ? (await loadCertificateAuthorities(db)).byId[authority.issuer] : undefined;
    const created = await createCertificateAuthority({
      commonName: authority.commonName,
      organization: authority.organization,
      issuer,
      notBefore: new Date("2000-01-01T00:00:00Z"),
      notAfter: new Date(Date.parse("2000-01-01T00:00:00Z") + 100 * YEAR_MS),
    });
    await db.certificateAuthority.upsert({
      where: { id: authority.id },
      create: { id: authority.id, certificatePem: created.certificate.toString("pem"), privateKeyPkcs8: created.privateKeyPkcs8 },
      update: {},
    });
  }
}

const loaded = new Map<string, Promise<SigningAuthority & { pem: string }>>();
/** Once all exist they never change (nothing updates or deletes them), so they are read once per process. */
let complete: CertificateAuthorities | null = null;

/** Loads the authorities; parsed objects are memoized by PEM. */
export async function loadCertificateAuthorities(db: Db): Promise<CertificateAuthorities> {
  if (complete) return complete;
  const rows = await db.certificateAuthority.findMany({ omit: { privateKeyPkcs8: false } });
  const byId = {} as CertificateAuthorities["byId"];
  for (const row of rows) {
    const key = row.certificatePem;
    if (!loaded.has(key)) {
      loaded.set(
        key,
        importPrivateKey(row.privateKeyPkcs8).then((privateKey) => ({
          certificate: new x509.X509Certificate(row.certificatePem),
          privateKey,
          pem: row.certificatePem,
        })),
      );
    }
    byId[row.id as AuthorityId] = await loaded.get(key)!;
  }
  if (AUTHORITIES.every((authority) => byId[authority.id])) complete = { byId };
  return { byId };
}
