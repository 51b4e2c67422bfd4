// Makes real X.509 certificates for the simulated world: the sandbox CAs and leaf certificates with SANs,
// validity, key usage and the Certificate Policies extension carrying the CA/Browser Forum type OID.
import { webcrypto } from "node:crypto";
import { x509 } from "./x509";
import { POLICY_OIDS } from "./certificate-policies";

const KEY_ALGORITHM = { name: "ECDSA", namedCurve: "P-256" } as const;
const SIGNING_ALGORITHM = { name: "ECDSA", hash: "SHA-256" } as const;

export interface Organization {
  name: string;
  country: string;
  state: string;
  locality: string;
}

export interface SigningAuthority {
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
}

function generateKeys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ["sign", "verify"]) as Promise<CryptoKeyPair>;
}

function randomSerial(): string {
  // 16 random bytes with the top bit cleared: a positive serial, as CAs issue them.
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] &= 0x7f;
  bytes[0] |= 0x10;
  return Buffer.from(bytes).toString("hex");
}

/** Every value as an explicit UTF8String: a plain string starting with "#" would be read as hex-encoded DER. */
export function name(commonName: string, organization?: Organization | null): x509.Name {
  const text = (value: string) => [{ utf8String: value }];
  const parts: x509.JsonNameParams = [{ CN: text(commonName) }];
  if (organization) {
    parts.push(
      { O: text(organization.name) },
      { C: [organization.country] },
      { ST: text(organization.state) },
      { L: text(organization.locality) },
    );
  }
  return new x509.Name(parts);
}

export async function createCertificateAuthority(options: {
  commonName: string;
  organization: Organization;
  issuer?: SigningAuthority;
  notBefore: Date;
  notAfter: Date;
}): Promise<{ certificate: x509.X509Certificate; privateKeyPkcs8: string }> {
  const keys = await generateKeys();
  const extensions = [
    new x509.BasicConstraintsExtension(true, options.issuer ? 0 : undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  const common = {
    serialNumber: randomSerial(),
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    signingAlgorithm: SIGNING_ALGORITHM,
  };
  const subject = name(options.commonName, options.organization);
  const certificate = options.issuer
    ? await x509.X509CertificateGenerator.create({
        ...common,
        subject,
        issuer: options.issuer.certificate.subject,
        publicKey: keys.publicKey,
        signingKey: options.issuer.privateKey,
        extensions: [...extensions, await x509.AuthorityKeyIdentifierExtension.create(options.issuer.certificate.publicKey)],
      })
    : await x509.X509CertificateGenerator.createSelfSigned({ ...common, name: subject, keys, extensions });
  const pkcs8 = await webcrypto.subtle.exportKey("pkcs8", keys.privateKey);
  return { certificate, privateKeyPkcs8: Buffer.from(pkcs8).toString("base64") };
}

export function importPrivateKey(pkcs8Base64: string): Promise<CryptoKey> {
  return webcrypto.subtle.importKey("pkcs8", Buffer.from(pkcs8Base64, "base64"), KEY_ALGORITHM, false, ["sign"]) as Promise<CryptoKey>;
}

export interface LeafOptions {
  hostname: string;
  type: "DV" | "OV" | "EV";
  organization?: Organization | null;
  notBefore: Date;
  notAfter: Date;
  /** The issuing CA; without one the certificate is self-signed. */
  issuer?: SigningAuthority;
}

/** A TLS server certificate for `hostname`. OV/EV carry the organization in the subject; DV does not. */
export async function createLeafCertificate(options: LeafOptions): Promise<x509.X509Certificate> {
  return (await createLeafCertificateWithKey(options)).certificate;
}

/** The same, with its private key (PKCS#8, base64) — for a real TLS server, as the live probe's tests start. */
export async function createLeafCertificateWithKey(
  options: LeafOptions,
): Promise<{ certificate: x509.X509Certificate; privateKeyPkcs8: string }> {
  const keys = await generateKeys();
  const certificate = await signLeaf(options, keys);
  return { certificate, privateKeyPkcs8: Buffer.from(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey)).toString("base64") };
}

async function signLeaf(options: LeafOptions, keys: CryptoKeyPair): Promise<x509.X509Certificate> {
  const organization = options.type === "DV" ? null : options.organization;
  if (options.type !== "DV" && !organization) throw new Error(`an ${options.type} certificate needs an organization`);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    new x509.SubjectAlternativeNameExtension([{ type: "dns", value: options.hostname }]),
    new x509.CertificatePolicyExtension([POLICY_OIDS[options.type]]),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  const common = {
    serialNumber: randomSerial(),
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    signingAlgorithm: SIGNING_ALGORITHM,
  };
  const subject = name(options.hostname, organization);
  if (!options.issuer) return x509.X509CertificateGenerator.createSelfSigned({ ...common, name: subject, keys, extensions });
  extensions.push(await x509.AuthorityKeyIdentifierExtension.create(options.issuer.certificate.publicKey));
  return x509.X509CertificateGenerator.create({
    ...common,
    subject,
    issuer: options.issuer.certificate.subject,
    publicKey: keys.publicKey,
    signingKey: options.issuer.privateKey,
    extensions,
  });
}
