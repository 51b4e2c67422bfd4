// The live probe against real servers started on 127.0.0.1: a TLS server presenting a real chain, and a DNS server
// answering TXT queries. No internet: everything the probe talks to is started here.
import net from "node:net";
import type tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDnsServer, startTlsServer, type Closable } from "../../test/live-servers";
import type { StapleSpec } from "../../test/ocsp-responses";
import { checkLive } from "./live-evaluation";
import { isPrivateAddress } from "./live-probe";

const HOST = "app.probe.test";
const CLIENT = "live-client-1";
let rootPem = "";
let dnsPort = 0;
const servers: Closable[] = [];

async function tlsServer(type: "OV" | "DV", minVersion?: tls.SecureVersion): Promise<number> {
  const started = await startTlsServer({ hostname: HOST, type, minVersion });
  rootPem = started.rootPem;
  servers.push(started.server);
  return started.port;
}

beforeAll(async () => {
  const dns = await startDnsServer({ txt: { "probe.test": [`cerner-client-id=${CLIENT}`, "v=spf1 -all"] } });
  dnsPort = dns.port;
  servers.push(dns.server);
});

afterAll(() => servers.forEach((server) => server.close()));

const local = () => ({ address: "127.0.0.1", allowPrivateAddresses: true, resolvers: [`127.0.0.1:${dnsPort}`], timeoutMs: 2000 });

describe("live probe", () => {
  it("verifies a host whose OV chain is trusted, whose name matches and whose domain publishes the client's TXT record", async () => {
    const port = await tlsServer("OV");
    const check = await checkLive({
      redirectUri: `https://${HOST}:${port}/cb`,
      clientId: CLIENT,
      clientName: "Probe App",
      extraAnchorsPem: [rootPem],
      ...local(),
    });
    expect(check.facts).toMatchObject({
      reachable: true,
      tls: { versions: ["TLSv1.2", "TLSv1.3"] },
      certificate: { validity: "valid", chainTrusted: true, hostnameMatches: true, revoked: false },
    });
    expect(check.facts?.dns).toMatchObject({ registrableDomain: "probe.test", clientIdRecordPresent: true });
    expect(check.verdict?.identity).toMatchObject({
      label: "verified",
      appName: "Probe App",
      organization: "Probe Health Inc.",
      location: "US, CA, San Diego",
      domain: "probe.test",
    });
    expect(check.findings.map((finding) => finding.code)).toContain("certificate.revocation-not-checked");
    expect(check.snapshotHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("does not trust a chain outside the public root store and the configured anchors", async () => {
    const port = await tlsServer("OV");
    const check = await checkLive({ redirectUri: `https://${HOST}:${port}/cb`, clientId: CLIENT, ...local() });
    expect(check.verdict?.label).toBe("unknown");
    expect(check.findings.map((finding) => finding.code)).toContain("certificate.untrusted-issuer");
  });

  it("shows a DV certificate's app as unknown, and a domain without the client's record as unclaimed", async () => {
    const port = await tlsServer("DV");
    const check = await checkLive({
      redirectUri: `https://${HOST}:${port}/cb`,
      clientId: "someone-else",
      extraAnchorsPem: [rootPem],
      ...local(),
    });
    expect(check.verdict?.label).toBe("unknown");
    expect(check.findings.map((finding) => finding.code)).toEqual(
      expect.arrayContaining(["certificate.domain-validated", "dns.client-id-record-missing"]),
    );
  });

  it("sees which TLS versions the server accepts", async () => {
    const port = await tlsServer("OV", "TLSv1.3");
    const check = await checkLive({ redirectUri: `https://${HOST}:${port}/cb`, clientId: CLIENT, extraAnchorsPem: [rootPem], ...local() });
    expect(check.facts?.tls.versions).toEqual(["TLSv1.3"]);
  });

  it("reports a closed port as unreachable, with the reason", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as net.AddressInfo).port;
    closed.close();
    const check = await checkLive({ redirectUri: `https://${HOST}:${port}/cb`, clientId: CLIENT, ...local() });
    expect(check.facts?.reachable).toBe(false);
    expect(check.findings).toContainEqual(
      expect.objectContaining({ code: "host.unreachable", message: expect.stringContaining("ECONNREFUSED") }),
    );
  });

  it("refuses private, loopback and link-local addresses unless allowed", async () => {
    const check = await checkLive({
      redirectUri: `https://${HOST}/cb`,
      clientId: CLIENT,
      address: "127.0.0.1",
      resolvers: [`127.0.0.1:${dnsPort}`],
      timeoutMs: 2000,
    });
    expect(check.findings).toContainEqual(expect.objectContaining({ code: "host.private-address" }));
    for (const address of [
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "127.0.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "224.0.0.1",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:10.0.0.1",
      "::ffff:7f00:1",
      "::ffff:a9fe:a9fe",
      "64:ff9b::a00:1",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "2606:2800::1", "172.32.0.1"]) expect(isPrivateAddress(address), address).toBe(false);
  });

  it("refuses a loopback address written as an IPv4-mapped IPv6 literal", async () => {
    const check = await checkLive({
      redirectUri: "https://[::ffff:7f00:1]:9/cb",
      clientId: CLIENT,
      resolvers: [`127.0.0.1:${dnsPort}`],
      timeoutMs: 2000,
    });
    expect(check.findings).toContainEqual(expect.objectContaining({ code: "host.private-address" }));
  });

  it("refuses a redirect URI that is not https", async () => {
    await expect(checkLive({ redirectUri: "http://localhost:3000/cb", clientId: CLIENT })).rejects.toThrow("is not an https URI");
  });
});

describe("stapled OCSP", () => {
  const codes = (check: Awaited<ReturnType<typeof checkLive>>) => check.findings.map((finding) => finding.code);
  async function stapling(spec: StapleSpec | null) {
    const started = await startTlsServer({ hostname: HOST, type: "OV" });
    servers.push(started.server);
    started.staple(spec);
    return checkLive({
      redirectUri: `https://${HOST}:${started.port}/cb`,
      clientId: CLIENT,
      extraAnchorsPem: [started.rootPem],
      ...local(),
    });
  }

  it("reads a good status signed by the issuer: revocation checked, still verified", async () => {
    const check = await stapling({ status: "good" });
    expect(codes(check)).toContain("certificate.ocsp-good");
    expect(codes(check)).not.toContain("certificate.revocation-not-checked");
    expect(check.facts.certificate?.revoked).toBe(false);
    expect(check.verdict.label).toBe("verified");
  });

  it("marks the certificate revoked when the staple says so, which makes it unacceptable", async () => {
    const check = await stapling({ status: "revoked" });
    expect(check.facts.certificate?.revoked).toBe(true);
    expect(codes(check)).toEqual(expect.arrayContaining(["certificate.revoked", "certificate.ocsp-revoked"]));
    expect(check.snapshot.certificate?.revoked).toBe(true);
  });

  it("says when the authority does not know the certificate", async () => {
    expect(codes(await stapling({ status: "unknown" }))).toContain("certificate.ocsp-unknown");
  });

  it.each([
    ["a forged signature", { status: "revoked", forged: true }, "signature"],
    [
      "a stale response",
      { status: "good", thisUpdate: new Date(Date.now() - 10 * 86_400_000), nextUpdate: new Date(Date.now() - 86_400_000) },
      "stale",
    ],
    ["a response about another certificate", { status: "good", otherCertificate: true }, "another certificate"],
  ] as const)("does not accept %s: revocation not checked, nothing marked revoked", async (_name, spec, reason) => {
    const check = await stapling(spec);
    const note = check.findings.find((finding) => finding.code === "certificate.ocsp-staple-invalid");
    expect(note?.message).toContain(reason);
    expect(check.facts.certificate?.revoked).toBe(false);
  });

  it("says revocation was not checked when the server staples nothing", async () => {
    const check = await stapling(null);
    expect(check.findings.find((finding) => finding.code === "certificate.revocation-not-checked")?.message).toContain("does not staple");
  });
});
