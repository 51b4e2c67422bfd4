import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { loadCertificateAuthorities } from "./certificate-authorities";
import { createLeafCertificate } from "./certificate-factory";
import { POLICY_OIDS } from "./certificate-policies";
import { InvalidCertificateError, parseCertificate, splitPemChain } from "./parsed-certificate";

const organization = { name: "Acme Health, Inc.", country: "US", state: "MO", locality: "Kansas City" };

describe("simulated certificates", () => {
  it("are real X.509 that node:crypto parses back with SAN, validity, issuer and organization", async () => {
    const authorities = await loadCertificateAuthorities(db);
    const notBefore = new Date("2027-01-01T00:00:00Z");
    const notAfter = new Date("2028-01-01T00:00:00Z");
    const leaf = await createLeafCertificate({
      hostname: "app.acme-health.com",
      type: "OV",
      organization,
      notBefore,
      notAfter,
      issuer: authorities.byId["public-intermediate"],
    });
    const parsed = new X509Certificate(leaf.toString("pem"));
    expect(parsed.subjectAltName).toBe("DNS:app.acme-health.com");
    expect(parsed.subject).toMatch(/O=Acme Health\\?, Inc\./);
    expect(parsed.subject).toContain("ST=MO");
    expect(parsed.subject).toContain("L=Kansas City");
    expect(parsed.issuer).toContain("CN=Sandbox Public TLS Issuing CA");
    expect(new Date(parsed.validFrom).toISOString()).toBe(notBefore.toISOString());
    expect(new Date(parsed.validTo).toISOString()).toBe(notAfter.toISOString());
    expect(parsed.ca).toBe(false);
    expect(parsed.checkHost("app.acme-health.com")).toBe("app.acme-health.com");
    const intermediate = new X509Certificate(authorities.byId["public-intermediate"].pem);
    expect(parsed.verify(intermediate.publicKey)).toBe(true);
    expect(intermediate.ca).toBe(true);
    expect(parsed.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1"]); // extended key usage: serverAuth
  });

  it.each([
    ["DV", POLICY_OIDS.DV],
    ["OV", POLICY_OIDS.OV],
    ["EV", POLICY_OIDS.EV],
  ] as const)("carries the CA/Browser Forum %s policy OID and reads its type back", async (type, oid) => {
    const leaf = await createLeafCertificate({
      hostname: "x.example.com",
      type,
      organization,
      notBefore: new Date(),
      notAfter: new Date(Date.now() + 86_400_000),
    });
    const der = Buffer.from(leaf.rawData).toString("hex");
    const oidDer = oidToDerHex(oid);
    expect(der).toContain(oidDer);
    const parsed = parseCertificate(leaf.toString("pem"));
    expect(parsed.type).toBe(type);
    expect(parsed.subject.organization).toBe(type === "DV" ? null : "Acme Health, Inc.");
    expect(parsed.selfSigned).toBe(true);
  });

  it("refuses a PEM that is not a certificate, and text around the certificates", () => {
    expect(() => splitPemChain("hello")).toThrow(InvalidCertificateError);
    expect(() => splitPemChain("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")).toThrow(/certificate 1 of the chain/);
  });

  it("splits a chain into certificates, leaf first", async () => {
    const authorities = await loadCertificateAuthorities(db);
    const chain = `${authorities.byId["public-intermediate"].pem}\n${authorities.byId["public-root"].pem}\n`;
    expect(splitPemChain(chain)).toHaveLength(2);
    expect(() => splitPemChain(`junk\n${chain}`)).toThrow(/something other than PEM/);
  });
});

/** DER encoding of an OID's content bytes (enough to find it inside the certificate). */
function oidToDerHex(oid: string): string {
  const [first, second, ...rest] = oid.split(".").map(Number);
  const bytes = [40 * first + second];
  for (const value of rest) {
    const chunk = [value & 0x7f];
    for (let v = value >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return Buffer.from([0x06, bytes.length, ...bytes]).toString("hex");
}
