// OCSP responses (RFC 6960) as a certificate authority signs them, built with @peculiar/asn1-ocsp for the live
// probe's tests: a TLS server on 127.0.0.1 staples them to its handshake.
import { createHash, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import {
  BasicOCSPResponse,
  CertID,
  CertStatus,
  KeyHash,
  OCSPResponse,
  OCSPResponseStatus,
  ResponderID,
  ResponseBytes,
  ResponseData,
  RevokedInfo,
  SingleResponse,
  id_pkix_ocsp_basic,
} from "@peculiar/asn1-ocsp";
import { AlgorithmIdentifier, Certificate } from "@peculiar/asn1-x509";

export interface StapleSpec {
  status: "good" | "revoked" | "unknown";
  /** Default: an hour ago. */
  thisUpdate?: Date;
  /** Default: in a week. */
  nextUpdate?: Date;
  /** Sign with a key that is not the issuer's (a forged response). */
  forged?: boolean;
  /** Answer about another serial number. */
  otherCertificate?: boolean;
}

const sha1 = (data: ArrayBuffer) => createHash("sha1").update(new Uint8Array(data)).digest();

/** The DER of an OCSPResponse about `leafDer`, signed by `issuerKey` (ECDSA P-256) unless forged. */
export function ocspResponse(leafDer: Buffer, issuerDer: Buffer, issuerKey: KeyObject, spec: StapleSpec): Buffer {
  const leaf = AsnConvert.parse(leafDer, Certificate);
  const issuer = AsnConvert.parse(issuerDer, Certificate);
  const keyHash = sha1(issuer.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey);
  const serial = spec.otherCertificate ? new Uint8Array([0x01, 0x02, 0x03]).buffer : leaf.tbsCertificate.serialNumber;
  const certStatus =
    spec.status === "good"
      ? new CertStatus({ good: null })
      : spec.status === "revoked"
        ? new CertStatus({ revoked: new RevokedInfo({ revocationTime: new Date(Date.now() - 86_400_000) }) })
        : new CertStatus({ unknown: null });
  const data = new ResponseData({
    responderID: new ResponderID({ byKey: new KeyHash(keyHash) }),
    producedAt: new Date(),
    responses: [
      new SingleResponse({
        certID: new CertID({
          hashAlgorithm: new AlgorithmIdentifier({ algorithm: "1.3.14.3.2.26", parameters: null }),
          issuerNameHash: new OctetString(sha1(AsnConvert.serialize(issuer.tbsCertificate.subject))),
          issuerKeyHash: new OctetString(keyHash),
          serialNumber: serial,
        }),
        certStatus,
        thisUpdate: spec.thisUpdate ?? new Date(Date.now() - 3_600_000),
        nextUpdate: spec.nextUpdate ?? new Date(Date.now() + 7 * 86_400_000),
      }),
    ],
  });
  const signer = spec.forged ? generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey : issuerKey;
  const signature = sign("sha256", Buffer.from(AsnConvert.serialize(data)), { key: signer, dsaEncoding: "der" });
  const basic = new BasicOCSPResponse({
    tbsResponseData: data,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: "1.2.840.10045.4.3.2" }),
    signature: new Uint8Array(signature).buffer,
  });
  const response = new OCSPResponse({
    responseStatus: OCSPResponseStatus.successful,
    responseBytes: new ResponseBytes({ responseType: id_pkix_ocsp_basic, response: new OctetString(AsnConvert.serialize(basic)) }),
  });
  return Buffer.from(AsnConvert.serialize(response));
}
