// "Check my app" as its users drive it: the control API (POST /api/sandbox/probe) and the command line
// (`npm run probe`), against a TLS server and a DNS server on 127.0.0.1 configured through the probe's settings.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as probe } from "../../app/api/sandbox/probe/route";
import { startDnsServer, startTlsServer, type Closable } from "../../test/live-servers";

const run = promisify(execFile);
const CLIENT = "readiness-client";
const servers: Closable[] = [];
let ovPort = 0;
let dvPort = 0;
let env: Record<string, string> = {};

beforeAll(async () => {
  const ov = await startTlsServer({ hostname: "app.ready.test", type: "OV" });
  const dv = await startTlsServer({ hostname: "app.notready.test", type: "DV" });
  const dns = await startDnsServer({
    txt: { "ready.test": [`cerner-client-id=${CLIENT}`] },
    a: { "app.ready.test": "127.0.0.1", "app.notready.test": "127.0.0.1" },
  });
  servers.push(ov.server, dv.server, dns.server);
  ovPort = ov.port;
  dvPort = dv.port;
  const anchors = path.join(mkdtempSync(path.join(tmpdir(), "sts-anchors-")), "anchors.pem");
  writeFileSync(anchors, `${ov.rootPem}\n${dv.rootPem}`);
  env = { SANDBOX_PROBE_RESOLVERS: `127.0.0.1:${dns.port}`, SANDBOX_PROBE_ANCHORS: anchors, SANDBOX_PROBE_ALLOW_PRIVATE: "1" };
  Object.assign(process.env, env);
});

afterAll(() => {
  servers.forEach((server) => server.close());
  for (const name of Object.keys(env)) delete process.env[name];
});

const post = (body: unknown) =>
  probe(
    new Request("http://localhost/api/sandbox/probe", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    {} as never,
  );

describe("POST /api/sandbox/probe", () => {
  it("answers what patients would see, the facts with their sources, and no fixes needed for a ready app", async () => {
    const response = await post({ redirect_uri: `https://app.ready.test:${ovPort}/callback`, client_id: CLIENT });
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report).toMatchObject({
      ready: true,
      client_name: null,
      patient_sees: { label: "verified", organization: "Probe Health Inc.", domain: "ready.test" },
    });
    expect(report.sources).toMatchObject({
      hostname: "app.ready.test",
      address: "127.0.0.1",
      tls_versions: ["TLSv1.2", "TLSv1.3"],
      txt_records: { domain: "ready.test", records: [`cerner-client-id=${CLIENT}`] },
    });
    expect(report.sources.certificate_chain[0]).toMatchObject({ subject: "app.ready.test", organization: "Probe Health Inc.", type: "OV" });
  });

  it("says what to fix for a DV certificate and a missing TXT record", async () => {
    const report = await (await post({ redirect_uri: `https://app.notready.test:${dvPort}/callback`, client_id: CLIENT })).json();
    expect(report.ready).toBe(false);
    expect(report.patient_sees.label).toBe("unknown");
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: "certificate.domain-validated",
          fix: expect.stringContaining("An OV or EV certificate lets them see your organization"),
        }),
        expect.objectContaining({
          code: "dns.client-id-record-missing",
          fix: `Add a TXT record \`cerner-client-id=${CLIENT}\` at notready.test.`,
        }),
      ]),
    );
  });

  it("refuses a redirect URI that is not https, and a body with unknown fields, with 400", async () => {
    const plain = await post({ redirect_uri: "http://localhost:3000/cb", client_id: CLIENT });
    expect(plain.status).toBe(400);
    expect(await plain.json()).toMatchObject({ error: "invalid_request", message: expect.stringContaining("not an https URI") });
    expect((await post({ redirect_uri: "https://a.example/cb", client_id: CLIENT, extra: 1 })).status).toBe(400);
  });
});

describe("npm run probe", () => {
  const cli = (args: string[]) =>
    run(process.execPath, ["--import", "tsx", "scripts/probe.ts", ...args], { env: { ...process.env, ...env } }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it("exits 0 and prints the verified identity for a ready app", async () => {
    const result = await cli([`https://app.ready.test:${ovPort}/cb`, "--client-id", CLIENT]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Patients see: Verified");
    expect(result.stdout).toContain("Probe Health Inc.");
  }, 30_000);

  it("exits 1 when patients would see Unknown App, with what to fix; --json prints the report", async () => {
    const result = await cli([`https://app.notready.test:${dvPort}/cb`, "--client-id", CLIENT, "--json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ready: false, patient_sees: { label: "unknown" } });
  }, 30_000);

  it("exits 2 with the usage for a URI it cannot check", async () => {
    const result = await cli(["http://localhost/cb"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: npm run probe");
  }, 30_000);
});
