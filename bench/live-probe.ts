// A warm live probe (lib/trust/live-evaluation.ts checkLive): five TLS handshakes and two DNS lookups against a TLS
// server and a DNS server on 127.0.0.1 (test/live-servers.ts), judged and snapshotted — what a live-mode app's
// check costs when its server answers at once.
import { summarize, timeEach } from "./stats";

export async function benchLiveProbe(iterations = 200) {
  const { startDnsServer, startTlsServer } = await import("../test/live-servers");
  const { checkLive } = await import("../lib/trust/live-evaluation");
  const tls = await startTlsServer({ hostname: "app.bench.test", type: "OV" });
  const dns = await startDnsServer({ txt: { "bench.test": ["cerner-client-id=bench"] }, a: { "app.bench.test": "127.0.0.1" } });
  const input = {
    redirectUri: `https://app.bench.test:${tls.port}/callback`,
    clientId: "bench",
    resolvers: [`127.0.0.1:${dns.port}`],
    extraAnchorsPem: [tls.rootPem],
    allowPrivateAddresses: true,
  };
  try {
    const first = await checkLive(input);
    if (first.verdict.label !== "verified")
      throw new Error(`the bench's local server is not judged verified: ${JSON.stringify(first.findings)}`);
    for (let i = 0; i < 20; i++) await checkLive(input);
    return [summarize("live probe, warm (local TLS + DNS servers)", await timeEach(iterations, () => checkLive(input)))];
  } finally {
    tls.server.close();
    dns.server.close();
  }
}
