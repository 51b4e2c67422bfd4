// Parses a PEM certificate once and keeps the result: evaluations read the same chains again and again.
// node:crypto does the cryptography (signatures, host matching, fingerprints); @peculiar/x509 reads the
// Certificate Policies extension and the subject's attributes, which node:crypto does not expose.
import { X509Certificate as NodeCertificate } from "node:crypto";
import { x509 } from "./x509";
import { certificateTypeFromPolicies } from "./certificate-policies";
import type { CertificateType, DistinguishedName } from "./types";

export interface ParsedCertificate {
  pem: string;
  node: NodeCertificate;
  subject: DistinguishedName;
  subjectText: string;
  issuerText: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  fingerprintSha256: string;
  type: CertificateType;
  subjectAltNames: string[];
  selfSigned: boolean;
  isCertificateAuthority: boolean;
}

export class InvalidCertificateError extends Error {
  override name = "InvalidCertificateError";
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const CACHE_LIMIT = 2000;
const cache = new Map<string, ParsedCertificate>();

function field(name: x509.Name, type: string): string | null {
  return name.getField(type)[0] ?? null;
}

function parse(pem: string): ParsedCertificate {
  let node: NodeCertificate;
  let peculiar: x509.X509Certificate;
  try {
    node = new NodeCertificate(pem);
    peculiar = new x509.X509Certificate(pem);
  } catch {
    throw new InvalidCertificateError("the PEM block is not a valid X.509 certificate");
  }
  const policies = peculiar.getExtension(x509.CertificatePolicyExtension)?.policies ?? [];
  const altNames = peculiar.getExtension(x509.SubjectAlternativeNameExtension)?.names.items ?? [];
  const basic = peculiar.getExtension(x509.BasicConstraintsExtension);
  return {
    pem,
    node,
    subject: {
      commonName: field(peculiar.subjectName, "CN"),
      organization: field(peculiar.subjectName, "O"),
      country: field(peculiar.subjectName, "C"),
      state: field(peculiar.subjectName, "ST"),
      locality: field(peculiar.subjectName, "L"),
    },
    subjectText: peculiar.subject,
    issuerText: peculiar.issuer,
    serialNumber: node.serialNumber.toUpperCase(),
    notBefore: new Date(node.validFrom),
    notAfter: new Date(node.validTo),
    fingerprintSha256: node.fingerprint256,
    type: certificateTypeFromPolicies(policies),
    subjectAltNames: altNames.filter((n) => n.type === "dns").map((n) => n.value),
    // Not checkIssued(): OpenSSL refuses a self-issued leaf without keyCertSign as its own issuer.
    selfSigned: peculiar.subject === peculiar.issuer && node.verify(node.publicKey),
    isCertificateAuthority: basic?.ca ?? false,
  };
}

export function parseCertificate(pem: string): ParsedCertificate {
  const key = pem.trim();
  const hit = cache.get(key);
  if (hit) return hit;
  const parsed = parse(key);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, parsed);
  return parsed;
}

/** Splits a pasted PEM chain into certificates, leaf first; refuses anything that is not certificates. */
export function splitPemChain(text: string): string[] {
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new InvalidCertificateError("no PEM certificate (-----BEGIN CERTIFICATE-----) found");
  const leftover = text.replace(PEM_BLOCK, "").trim();
  if (leftover) throw new InvalidCertificateError("the text contains something other than PEM certificates");
  if (blocks.length > 10) throw new InvalidCertificateError("a chain may hold at most 10 certificates");
  for (const [index, block] of blocks.entries()) {
    try {
      parseCertificate(block);
    } catch {
      throw new InvalidCertificateError(`certificate ${index + 1} of the chain is not a valid X.509 certificate`);
    }
  }
  return blocks.map((block) => block.trim());
}

/** Empties the parse cache (benchmarks measure evaluation with and without it). */
export function clearParsedCertificateCache(): void {
  cache.clear();
}
