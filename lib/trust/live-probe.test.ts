// The live probe against real servers started on 127.0.0.1: a TLS server presenting a real chain, and a DNS server
// answering TXT queries. No internet: everything the probe talks to is started here.
import { createPrivateKey } from "node:crypto";
import dgram from "node:dgram";
import net from "node:net";
import tls from "node:tls";
import * as dnsPacket from "dns-packet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCertificateAuthority, createLeafCertificateWithKey, importPrivateKey, type Organization } from "./certificate-factory";
import { checkLive } from "./live-evaluation";
import { isPrivateAddress } from "./live-probe";

const ORG: Organization = { name: "Probe Health Inc.", country: "US", state: "CA", locality: "San Diego" };
const HOST = "app.probe.test";
const CLIENT = "live-client-1";
const YEAR = 365 * 86_400_000;

let rootPem = "";
const servers: { close: () => void }[] = [];
let dnsPort = 0;
const txt: Record<string, string[]> = { "probe.test": [`cerner-client-id=${CLIENT}`, "v=spf1 -all"] };

async function tlsServer(type: "OV" | "DV", minVersion: tls.SecureVersion = "TLSv1.2"): Promise<number> {
  const now = Date.now();
  const root = await createCertificateAuthority({ commonName: "Probe Test Root", organization: ORG, notBefore: new Date(now - YEAR), notAfter: new Date(now + YEAR) });
  rootPem = root.certificate.toString("pem");
  const issuer = { certificate: root.certificate, privateKey: await importPrivateKey(root.privateKeyPkcs8) };
  const leaf = await createLeafCertificateWithKey({ hostname: HOST, type, organization: ORG, notBefore: new Date(now - 3_600_000), notAfter: new Date(now + YEAR), issuer });
  const key = createPrivateKey({ key: Buffer.from(leaf.privateKeyPkcs8, "base64"), format: "der", type: "pkcs8" }).export({ format: "pem", type: "pkcs8" });
  const server = tls.createServer({ key, cert: `${leaf.certificate.toString("pem")}\n${rootPem}`, minVersion });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return (server.address() as net.AddressInfo).port;
}

beforeAll(async () => {
  const socket = dgram.createSocket("udp4");
  socket.on("message", (message, remote) => {
    const query = dnsPacket.decode(message);
    const question = query.questions?.[0];
    const records = question ? (txt[question.name] ?? []) : [];
    const answer = dnsPacket.encode({
      type: "response",
      id: query.id,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE,
      questions: query.questions,
      answers: records.map((data) => ({ type: "TXT" as const, name: question!.name, ttl: 60, data })),
    });
    socket.send(answer, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  dnsPort = socket.address().port;
  servers.push(socket);
});

afterAll(() => servers.forEach((server) => server.close()));

const local = () => ({ address: "127.0.0.1", allowPrivateAddresses: true, resolvers: [`127.0.0.1:${dnsPort}`], timeoutMs: 2000 });

describe("live probe", () => {
  it("verifies a host whose OV chain is trusted, whose name matches and whose domain publishes the client's TXT record", async () => {
    const port = await tlsServer("OV");
    const check = await checkLive({ redirectUri: `https://${HOST}:${port}/cb`, clientId: CLIENT, clientName: "Probe App", extraAnchorsPem: [rootPem], ...local() });
    expect(check.facts).toMatchObject({ reachable: true, tls: { versions: ["TLSv1.2", "TLSv1.3"] }, certificate: { validity: "valid", chainTrusted: true, hostnameMatches: true, revoked: false } });
    expect(check.facts?.dns).toMatchObject({ registrableDomain: "probe.test", clientIdRecordPresent: true });
    expect(check.verdict?.identity).toMatchObject({ label: "verified", appName: "Probe App", organization: "Probe Health Inc.", location: "US, CA, San Diego", domain: "probe.test" });
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
    const check = await checkLive({ redirectUri: `https://${HOST}:${port}/cb`, clientId: "someone-else", extraAnchorsPem: [rootPem], ...local() });
    expect(check.verdict?.label).toBe("unknown");
    expect(check.findings.map((finding) => finding.code)).toEqual(expect.arrayContaining(["certificate.domain-validated", "dns.client-id-record-missing"]));
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
    expect(check.findings).toContainEqual(expect.objectContaining({ code: "host.unreachable", message: expect.stringContaining("ECONNREFUSED") }));
  });

  it("refuses private, loopback and link-local addresses unless allowed", async () => {
    const check = await checkLive({ redirectUri: `https://${HOST}/cb`, clientId: CLIENT, address: "127.0.0.1", resolvers: [`127.0.0.1:${dnsPort}`], timeoutMs: 2000 });
    expect(check.findings).toContainEqual(expect.objectContaining({ code: "host.private-address" }));
    for (const address of ["10.1.2.3", "172.20.0.1", "192.168.1.1", "127.0.0.1", "169.254.1.1", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1"]) expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ["93.184.216.34", "2606:2800::1", "172.32.0.1"]) expect(isPrivateAddress(address), address).toBe(false);
  });

  it("refuses a redirect URI that is not https", async () => {
    await expect(checkLive({ redirectUri: "http://localhost:3000/cb", clientId: CLIENT })).rejects.toThrow("is not an https URI");
  });
});
