// The live probe: looks at a real host the way the simulated one is looked at. It observes the host's TLS endpoint
// (a real handshake with SNI, the presented chain and stapled OCSP response, which TLS versions it accepts) and the
// TXT records at its registrable domain (node:dns), and hands them over as a world, so collectFacts → judge →
// snapshot are the same code for a live host as for a simulated one. Limits: 5 s per connection, capped chain and record sizes, and
// private, loopback and link-local addresses refused unless allowed.
import { X509Certificate } from "node:crypto";
import { lookup as systemLookup } from "node:dns/promises";
import { Resolver } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import tls, { type PeerCertificate } from "node:tls";
import { TLS_VERSIONS, type SimulatedWorld, type TlsVersion } from "./types";

export interface LiveProbeOptions {
  /** TLS port (default 443). */
  port?: number;
  /** Per connection, and for each DNS query (default 5000). */
  timeoutMs?: number;
  /** DNS servers for the TXT lookup, as `ip` or `ip:port` (default: the system's). */
  resolvers?: string[];
  /** Allow private, loopback and link-local addresses (tests against servers on 127.0.0.1). */
  allowPrivateAddresses?: boolean;
  /** Where the host name resolves to, instead of asking DNS (tests). */
  address?: string;
}

/** Something the probe could not see, in the findings' shape. */
export interface ProbeNote {
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
}

export interface LiveObservation {
  world: SimulatedWorld;
  address: string | null;
  notes: ProbeNote[];
  /** The OCSP response the server stapled to its handshake (DER), if it did. */
  ocspStaple?: Buffer | null;
}

const MAX_CHAIN = 10;
const MAX_CERTIFICATE_BYTES = 16 * 1024;
const MAX_TXT_RECORDS = 100;
const MAX_TXT_BYTES = 4096;

/** Addresses a probe never connects to unless allowed: private, loopback, link-local, shared, multicast, reserved. */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, "ipv6");
}

/** An IPv4-mapped IPv6 address (`::ffff:127.0.0.1` or `::ffff:7f00:1`) as the IPv4 address it is. */
function unmapped(address: string): string {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return address;
  const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

export function isPrivateAddress(address: string): boolean {
  const plain = unmapped(address.replace(/^\[|\]$/g, ""));
  const family = isIP(plain);
  if (family === 0) return true; // not an address at all: never connect
  return NOT_PUBLIC.check(plain, family === 4 ? "ipv4" : "ipv6");
}

const NODE_VERSION_NAMES: Record<TlsVersion, tls.SecureVersion> = {
  TLSv1: "TLSv1",
  "TLSv1.1": "TLSv1.1",
  "TLSv1.2": "TLSv1.2",
  "TLSv1.3": "TLSv1.3",
};

function pemOf(raw: Buffer): string {
  return new X509Certificate(raw).toString();
}

/** The presented chain, leaf first, from the peer certificate's issuer links (each certificate once). */
function presentedChain(peer: PeerCertificate & { issuerCertificate?: PeerCertificate }): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  let current: (PeerCertificate & { issuerCertificate?: PeerCertificate }) | undefined = peer;
  while (current?.raw && chain.length < MAX_CHAIN && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    if (current.raw.length <= MAX_CERTIFICATE_BYTES) chain.push(pemOf(current.raw));
    current = current.issuerCertificate;
  }
  return chain;
}

type Handshake = { ok: true; chain: string[]; ocspStaple: Buffer | null } | { ok: false; reason: string };

function handshake(address: string, hostname: string, port: number, timeoutMs: number, version?: TlsVersion): Promise<Handshake> {
  return new Promise((resolve) => {
    const pinned = version
      ? { minVersion: NODE_VERSION_NAMES[version], maxVersion: NODE_VERSION_NAMES[version] }
      : { minVersion: "TLSv1" as const };
    // `requestOCSP` is a TLSSocket option that tls.connect passes on (its ConnectionOptions type leaves it out).
    const options: tls.ConnectionOptions & { requestOCSP?: boolean } = {
      host: address,
      port,
      servername: isIP(hostname) ? undefined : hostname,
      rejectUnauthorized: false, // the probe judges the chain itself, against the sandbox's idea of trust
      // Old versions need OpenSSL's lowest security level to be offered at all.
      ciphers: "DEFAULT@SECLEVEL=0",
      // Ask for a stapled OCSP response (status_request); a server that staples sends it during the handshake.
      requestOCSP: !version,
      ...pinned,
    };
    const socket = tls.connect(options);
    let ocspStaple: Buffer | null = null;
    socket.once("OCSPResponse", (response: Buffer | null) => (ocspStaple = response?.length ? response : null)); // null: nothing stapled
    const done = (result: Handshake) => {
      socket.destroy();
      resolve(result);
    };
    // An idle timeout, and a deadline for the whole handshake (a server that trickles bytes keeps a socket busy).
    socket.setTimeout(timeoutMs, () => done({ ok: false, reason: "timeout" }));
    const deadline = setTimeout(() => done({ ok: false, reason: "timeout" }), timeoutMs);
    socket.once("close", () => clearTimeout(deadline));
    socket.once("secureConnect", () => done({ ok: true, chain: presentedChain(socket.getPeerCertificate(true)), ocspStaple }));
    socket.once("error", (error: NodeJS.ErrnoException) => done({ ok: false, reason: error.code ?? error.message }));
  });
}

function resolverFor(options: LiveProbeOptions): Resolver | null {
  if (!options.resolvers?.length) return null;
  const resolver = new Resolver({ timeout: options.timeoutMs ?? 5000, tries: 1 });
  resolver.setServers(options.resolvers);
  return resolver;
}

/** The host's address: from the configured resolvers when there are any (A, then AAAA), else as the system resolves it. */
async function lookupAddress(hostname: string, options: LiveProbeOptions): Promise<string> {
  const resolver = resolverFor(options);
  if (!resolver) return (await systemLookup(hostname)).address;
  const v4 = await resolver.resolve4(hostname).catch(() => [] as string[]);
  if (v4.length) return v4[0];
  const v6 = await resolver.resolve6(hostname);
  if (!v6.length) throw Object.assign(new Error("no address"), { code: "ENODATA" });
  return v6[0];
}

/** A promise that gives up after `ms` (the system resolver has no timeout of its own). */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("timeout"), { code: "ETIMEOUT" })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function resolveAddress(hostname: string, options: LiveProbeOptions): Promise<{ address: string | null; note?: ProbeNote }> {
  if (options.address) return { address: options.address };
  if (isIP(hostname)) return { address: hostname };
  try {
    return { address: await within(lookupAddress(hostname, options), options.timeoutMs ?? 5000) };
  } catch (error) {
    return {
      address: null,
      note: {
        code: "host.dns-failed",
        severity: "error",
        message: `The name ${hostname} does not resolve to an address (${(error as NodeJS.ErrnoException).code ?? "lookup failed"}).`,
      },
    };
  }
}

export interface TxtLookup {
  records: string[];
  note?: ProbeNote;
}

/** The TXT records at a registrable domain (a failed lookup says so in its note, never as "no records"). */
export async function lookupTxt(domain: string, options: LiveProbeOptions): Promise<TxtLookup> {
  if (isIP(domain)) return { records: [] }; // an address has no DNS name to publish records at
  const resolver = resolverFor(options) ?? new Resolver({ timeout: options.timeoutMs ?? 5000, tries: 1 });
  try {
    const answers = await resolver.resolveTxt(domain);
    const records = answers.slice(0, MAX_TXT_RECORDS).map((chunks) => chunks.join("").slice(0, MAX_TXT_BYTES));
    return { records };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENODATA" || code === "ENOTFOUND") return { records: [] };
    return {
      records: [],
      note: {
        code: "dns.lookup-failed",
        severity: "warning",
        message: `The TXT records of ${domain} could not be read (${code ?? "lookup failed"}).`,
      },
    };
  }
}

/** At most this many probes at once in one process: a probe is five handshakes and two lookups. */
const MAX_CONCURRENT_PROBES = 4;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_PROBES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * Observes a live host: its TLS endpoint at `hostname`, and the TXT records at `registrableDomain` (looked up here,
 * or the lookup the caller already started).
 */
export function observeLiveHost(
  hostname: string,
  registrableDomain: string,
  options: LiveProbeOptions = {},
  txt: Promise<TxtLookup> = lookupTxt(registrableDomain, options),
): Promise<LiveObservation> {
  return limited(() => observe(hostname, txt, options));
}

async function observe(hostname: string, txt: Promise<TxtLookup>, options: LiveProbeOptions): Promise<LiveObservation> {
  const port = options.port ?? 443;
  const timeoutMs = options.timeoutMs ?? 5000;
  const notes: ProbeNote[] = [];
  const [{ address, note: addressNote }, { records, note: dnsNote }] = await Promise.all([resolveAddress(hostname, options), txt]);
  if (addressNote) notes.push(addressNote);
  if (dnsNote) notes.push(dnsNote);
  const unreachable = (extra?: ProbeNote): LiveObservation => ({
    world: { reachable: false, tlsVersions: [], chainPem: [], txtRecords: records },
    address,
    notes: extra ? [...notes, extra] : notes,
  });
  if (!address) return unreachable();
  if (isPrivateAddress(address) && !options.allowPrivateAddresses) {
    return unreachable({
      code: "host.private-address",
      severity: "error",
      message: `${hostname} resolves to ${address}, a private or local address, which the probe does not connect to.`,
    });
  }
  const first = await handshake(address, hostname, port, timeoutMs);
  if (!first.ok) {
    const reason = first.reason === "timeout" ? `no TLS answer within ${timeoutMs / 1000} s` : first.reason;
    return unreachable({ code: "host.unreachable", severity: "error", message: `No TLS connection to ${hostname}:${port} (${reason}).` });
  }
  const accepted = await Promise.all(
    TLS_VERSIONS.map(async (version) => ((await handshake(address, hostname, port, timeoutMs, version)).ok ? version : null)),
  );
  return {
    world: {
      reachable: true,
      tlsVersions: accepted.filter((version): version is TlsVersion => version !== null),
      chainPem: first.chain,
      txtRecords: records,
    },
    address,
    notes,
    ocspStaple: first.ocspStaple,
  };
}
