// Real servers on 127.0.0.1 for the live probe's tests: a TLS server presenting a chain from a fresh test root, and
// a DNS server answering A and TXT queries. No internet: everything the probe talks to starts here.
import { createPrivateKey } from "node:crypto";
import dgram from "node:dgram";
import net from "node:net";
import tls from "node:tls";
import * as dnsPacket from "dns-packet";
import { ocspResponse, type StapleSpec } from "./ocsp-responses";
import {
  createCertificateAuthority,
  createLeafCertificateWithKey,
  importPrivateKey,
  type Organization,
} from "../lib/trust/certificate-factory";

export const PROBE_ORG: Organization = { name: "Probe Health Inc.", country: "US", state: "CA", locality: "San Diego" };
const YEAR = 365 * 86_400_000;

export interface Closable {
  close: () => void;
}

export interface TestTlsServer {
  port: number;
  rootPem: string;
  server: Closable;
  /** Presents a new leaf from the same root from now on (a renewal, or an expired one). */
  reissue: (validity: { notBefore: Date; notAfter: Date }) => Promise<void>;
  /** Staples an OCSP response signed by the root from now on (null: staples nothing, the default). */
  staple: (spec: StapleSpec | null) => void;
}

export async function startTlsServer(options: {
  hostname: string;
  type: "OV" | "DV";
  minVersion?: tls.SecureVersion;
}): Promise<TestTlsServer> {
  const now = Date.now();
  const root = await createCertificateAuthority({
    commonName: "Probe Test Root",
    organization: PROBE_ORG,
    notBefore: new Date(now - YEAR),
    notAfter: new Date(now + YEAR),
  });
  const rootPem = root.certificate.toString("pem");
  const issuer = { certificate: root.certificate, privateKey: await importPrivateKey(root.privateKeyPkcs8) };
  const context = async (validity: { notBefore: Date; notAfter: Date }) => {
    const leaf = await createLeafCertificateWithKey({
      hostname: options.hostname,
      type: options.type,
      organization: PROBE_ORG,
      ...validity,
      issuer,
    });
    const key = createPrivateKey({ key: Buffer.from(leaf.privateKeyPkcs8, "base64"), format: "der", type: "pkcs8" }).export({
      format: "pem",
      type: "pkcs8",
    });
    return { key, cert: `${leaf.certificate.toString("pem")}\n${rootPem}`, minVersion: options.minVersion ?? ("TLSv1.2" as const) };
  };
  const server = tls.createServer(await context({ notBefore: new Date(now - 3_600_000), notAfter: new Date(now + YEAR) }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const reissue = async (validity: { notBefore: Date; notAfter: Date }) => server.setSecureContext(await context(validity));
  let stapled: StapleSpec | null = null;
  const rootKey = createPrivateKey({ key: Buffer.from(root.privateKeyPkcs8, "base64"), format: "der", type: "pkcs8" });
  server.on("OCSPRequest", (certificate: Buffer, _issuer: Buffer, callback: (error: Error | null, response?: Buffer) => void) =>
    callback(null, stapled ? ocspResponse(certificate, Buffer.from(root.certificate.rawData), rootKey, stapled) : undefined),
  );
  return { port: (server.address() as net.AddressInfo).port, rootPem, server, reissue, staple: (spec) => (stapled = spec) };
}

/**
 * A TCP front on 127.0.0.1 that passes connections through to `targetPort`, or, once `hang(true)`, accepts them
 * and never answers (a host that hangs mid-way).
 */
export async function startHangingFront(targetPort: number): Promise<{ port: number; server: Closable; hang: (on: boolean) => void }> {
  let hanging = false;
  const open = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
    socket.on("error", () => socket.destroy());
    if (hanging) return;
    const upstream = net.connect(targetPort, "127.0.0.1");
    upstream.on("error", () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const close = () => {
    for (const socket of open) socket.destroy();
    server.close();
  };
  return { port: (server.address() as net.AddressInfo).port, server: { close }, hang: (on) => (hanging = on) };
}

/** Answers TXT from `txt` and A from `a` (by name); anything else with no answers. */
export async function startDnsServer(records: {
  txt?: Record<string, string[]>;
  a?: Record<string, string>;
}): Promise<{ port: number; server: Closable }> {
  const socket = dgram.createSocket("udp4");
  socket.on("message", (message, remote) => {
    const query = dnsPacket.decode(message);
    const question = query.questions?.[0];
    const answers: dnsPacket.Answer[] = [];
    if (question?.type === "TXT")
      for (const data of records.txt?.[question.name] ?? []) answers.push({ type: "TXT", name: question.name, ttl: 60, data });
    if (question?.type === "A" && records.a?.[question.name])
      answers.push({ type: "A", name: question.name, ttl: 60, data: records.a[question.name] });
    const answer = dnsPacket.encode({
      type: "response",
      id: query.id,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE,
      questions: query.questions,
      answers,
    });
    socket.send(answer, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  return { port: socket.address().port, server: socket };
}
