// A small "real world" for live mode in the e2e run: a TLS server for app.live-e2e.test on 127.0.0.1 (a test CA's
// OV certificate) and a DNS server answering its A record and, from a file the specs write, TXT records. The
// sandbox's probe is pointed at them through its settings, exactly as a deployment configures it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startDnsServer, startTlsServer, type Closable } from "../../test/live-servers";

export const LIVE_HOST = "app.live-e2e.test";
export const LIVE_DOMAIN = "live-e2e.test";
/** TXT records by name, as JSON: a spec writes its app's `cerner-client-id=…` here. */
export const LIVE_TXT_FILE = path.resolve("data/e2e-live-txt.json");
const ANCHORS_FILE = path.resolve("data/e2e-live-anchors.pem");

export function publishTxt(records: Record<string, string[]>): void {
  writeFileSync(LIVE_TXT_FILE, JSON.stringify(records));
}

export async function startLiveWorld(): Promise<{ env: Record<string, string>; servers: Closable[] }> {
  mkdirSync("data", { recursive: true });
  publishTxt({});
  const tls = await startTlsServer({ hostname: LIVE_HOST, type: "OV" });
  const txt = new Proxy({} as Record<string, string[]>, {
    get: (_target, name) => (existsSync(LIVE_TXT_FILE) ? JSON.parse(readFileSync(LIVE_TXT_FILE, "utf8"))[name as string] : undefined),
  });
  const dns = await startDnsServer({ txt, a: { [LIVE_HOST]: "127.0.0.1" } });
  writeFileSync(ANCHORS_FILE, tls.rootPem);
  return {
    env: {
      SANDBOX_PROBE_RESOLVERS: `127.0.0.1:${dns.port}`,
      SANDBOX_PROBE_ANCHORS: ANCHORS_FILE,
      SANDBOX_PROBE_ALLOW_PRIVATE: "1",
      E2E_LIVE_TLS_PORT: String(tls.port),
    },
    servers: [tls.server, dns.server],
  };
}
