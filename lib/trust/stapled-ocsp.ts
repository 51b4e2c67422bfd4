// A stapled OCSP response (RFC 6960), as a live server sends it in the TLS handshake: parsed with
// @peculiar/asn1-ocsp, matched to the presented certificate, its signature checked against the issuer (or a
// responder the issuer delegated to), and its freshness judged on the sandbox clock. Anything the probe cannot
// accept is said, never taken as "good".
import { createHash, verify, X509Certificate } from "node:crypto";
import { AsnConvert } from "@peculiar/asn1-schema";
import { BasicOCSPResponse, id_pkix_ocsp_basic, OCSPResponse, OCSPResponseStatus, type SingleResponse } from "@peculiar/asn1-ocsp";
import { Certificate } from "@peculiar/asn1-x509";

export type StapleReading =
  | { kind: "status"; status: "good" | "revoked" | "unknown"; thisUpdate: string; nextUpdate: string | null; revokedAt: string | null }
  | { kind: "invalid"; reason: string };

/** Signature algorithms a responder may use, by OID: the hash to verify with. */
const SIGNATURE_HASHES: Record<string, string> = {
  "1.2.840.10045.4.3.2": "sha256",
  "1.2.840.10045.4.3.3": "sha384",
  "1.2.840.10045.4.3.4": "sha512",
  "1.2.840.113549.1.1.11": "sha256",
  "1.2.840.113549.1.1.12": "sha384",
  "1.2.840.113549.1.1.13": "sha512",
};
const CERT_ID_HASHES: Record<string, string> = {
  "1.3.14.3.2.26": "sha1",
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
};
const OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
/** How far a responder's clock may be ahead of ours. */
const CLOCK_SKEW_MS = 5 * 60_000;
export const MAX_STAPLE_BYTES = 64 * 1024;

const hex = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString("hex");
/** A serial number's hex without leading zero bytes, as X509Certificate.serialNumber spells it (upper case). */
const serialHex = (bytes: ArrayBuffer) =>
  hex(bytes)
    .replace(/^(00)+(?=.)/, "")
    .toUpperCase();

function issuerHashes(issuer: X509Certificate, algorithm: string): { nameHash: string; keyHash: string } {
  const parsed = AsnConvert.parse(issuer.raw, Certificate);
  const digest = (data: ArrayBuffer) => createHash(algorithm).update(new Uint8Array(data)).digest("hex");
  return {
    nameHash: digest(AsnConvert.serialize(parsed.tbsCertificate.subject)),
    keyHash: digest(parsed.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey),
  };
}

function matchesCertificate(single: SingleResponse, leaf: X509Certificate, issuer: X509Certificate): boolean {
  const algorithm = CERT_ID_HASHES[single.certID.hashAlgorithm.algorithm];
  if (!algorithm || serialHex(single.certID.serialNumber) !== leaf.serialNumber.toUpperCase()) return false;
  const { nameHash, keyHash } = issuerHashes(issuer, algorithm);
  return hex(single.certID.issuerNameHash.buffer) === nameHash && hex(single.certID.issuerKeyHash.buffer) === keyHash;
}

/** The certificate whose key signed the response: the issuer itself, or a responder it issued for OCSP signing. */
function signers(basic: BasicOCSPResponse, issuer: X509Certificate): X509Certificate[] {
  const delegated = (basic.certs ?? [])
    .map((certificate) => new X509Certificate(Buffer.from(AsnConvert.serialize(certificate))))
    .filter(
      (responder) =>
        responder.checkIssued(issuer) && responder.verify(issuer.publicKey) && (responder.keyUsage ?? []).includes(OCSP_SIGNING),
    );
  return [issuer, ...delegated];
}

function signatureValid(basic: BasicOCSPResponse, issuer: X509Certificate): boolean {
  const hash = SIGNATURE_HASHES[basic.signatureAlgorithm.algorithm];
  if (!hash || !basic.tbsResponseDataRaw) return false;
  const signed = new Uint8Array(basic.tbsResponseDataRaw);
  const signature = new Uint8Array(basic.signature);
  return signers(basic, issuer).some((signer) => {
    try {
      return verify(hash, signed, { key: signer.publicKey, dsaEncoding: "der" }, signature);
    } catch {
      return false;
    }
  });
}

/** Reads a stapled response for `leafPem` issued by `issuerPem` (the next certificate of the chain), at `now`. */
export function readStapledOcsp(der: Buffer, leafPem: string, issuerPem: string | undefined, now: Date): StapleReading {
  if (der.length > MAX_STAPLE_BYTES) return { kind: "invalid", reason: `the response is larger than ${MAX_STAPLE_BYTES / 1024} kB` };
  if (!issuerPem) return { kind: "invalid", reason: "the server sent no issuer certificate to check the response's signature with" };
  let basic: BasicOCSPResponse;
  try {
    const response = AsnConvert.parse(der, OCSPResponse);
    if (response.responseStatus !== OCSPResponseStatus.successful)
      return { kind: "invalid", reason: `the responder answered "${OCSPResponseStatus[response.responseStatus]}"` };
    if (response.responseBytes?.responseType !== id_pkix_ocsp_basic)
      return { kind: "invalid", reason: "the response is not a basic OCSP response" };
    basic = AsnConvert.parse(response.responseBytes.response.buffer, BasicOCSPResponse);
  } catch (error) {
    return { kind: "invalid", reason: `the response is not valid DER (${(error as Error).message})` };
  }
  const leaf = new X509Certificate(leafPem);
  const issuer = new X509Certificate(issuerPem);
  const single = basic.tbsResponseData.responses.find((candidate) => matchesCertificate(candidate, leaf, issuer));
  if (!single) return { kind: "invalid", reason: "the response is about another certificate" };
  if (!signatureValid(basic, issuer))
    return { kind: "invalid", reason: "its signature is not from the certificate's issuer or a responder the issuer authorized" };
  if (single.thisUpdate.getTime() > now.getTime() + CLOCK_SKEW_MS) return { kind: "invalid", reason: "it was produced in the future" };
  if (single.nextUpdate && single.nextUpdate.getTime() < now.getTime())
    return { kind: "invalid", reason: `it is stale (valid until ${single.nextUpdate.toISOString()})` };
  const status = single.certStatus.revoked ? "revoked" : single.certStatus.good !== undefined ? "good" : "unknown";
  return {
    kind: "status",
    status,
    thisUpdate: single.thisUpdate.toISOString(),
    nextUpdate: single.nextUpdate?.toISOString() ?? null,
    revokedAt: single.certStatus.revoked?.revocationTime.toISOString() ?? null,
  };
}
