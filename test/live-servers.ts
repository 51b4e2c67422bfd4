// Real servers on 127.0.0.1 for the live probe's tests: a TLS server presenting a chain from a fresh test root, and
// a DNS server answering A and TXT queries. No internet: everything the probe talks to starts here.
import { createPrivateKey } from "node:crypto";
import dgram from "node:dgram";
import net from "node:net";
import tls from "node:tls";
import * as dnsPacket from "dns-packet";
import { createCertificateAuthority, createLeafCertificateWithKey, importPrivateKey, type Organization } from "../lib/trust/certificate-factory";

export const PROBE_ORG: Organization = { name: "Probe Health Inc.", country: "US", state: "CA", locality: "San Diego" };
const YEAR = 365 * 86_400_000;

export interface Closable {
  close: () => void;
}

export async function startTlsServer(options: { hostname: string; type: "OV" | "DV"; minVersion?: tls.SecureVersion }): Promise<{ port: number; rootPem: string; server: Closable }> {
  const now = Date.now();
  const root = await createCertificateAuthority({ commonName: "Probe Test Root", organization: PROBE_ORG, notBefore: new Date(now - YEAR), notAfter: new Date(now + YEAR) });
  const rootPem = root.certificate.toString("pem");
  const issuer = { certificate: root.certificate, privateKey: await importPrivateKey(root.privateKeyPkcs8) };
  const leaf = await createLeafCertificateWithKey({ hostname: options.hostname, type: options.type, organization: PROBE_ORG, notBefore: new Date(now - 3_600_000), notAfter: new Date(now + YEAR), issuer });
  const key = createPrivateKey({ key: Buffer.from(leaf.privateKeyPkcs8, "base64"), format: "der", type: "pkcs8" }).export({ format: "pem", type: "pkcs8" });
  const server = tls.createServer({ key, cert: `${leaf.certificate.toString("pem")}\n${rootPem}`, minVersion: options.minVersion ?? "TLSv1.2" });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as net.AddressInfo).port, rootPem, server };
}

/** Answers TXT from `txt` and A from `a` (by name); anything else with no answers. */
export async function startDnsServer(records: { txt?: Record<string, string[]>; a?: Record<string, string> }): Promise<{ port: number; server: Closable }> {
  const socket = dgram.createSocket("udp4");
  socket.on("message", (message, remote) => {
    const query = dnsPacket.decode(message);
    const question = query.questions?.[0];
    const answers: dnsPacket.Answer[] = [];
    if (question?.type === "TXT") for (const data of records.txt?.[question.name] ?? []) answers.push({ type: "TXT", name: question.name, ttl: 60, data });
    if (question?.type === "A" && records.a?.[question.name]) answers.push({ type: "A", name: question.name, ttl: 60, data: records.a[question.name] });
    const answer = dnsPacket.encode({ type: "response", id: query.id, flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE, questions: query.questions, answers });
    socket.send(answer, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  return { port: socket.address().port, server: socket };
}
