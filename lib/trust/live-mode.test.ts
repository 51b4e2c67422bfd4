// Live mode: an app whose trust checks look at its real server — here a TLS server and a DNS server on 127.0.0.1,
// reached through the probe's settings exactly as a deployment configures them. Consent, code exchange and
// refresh use the live probe; a real certificate swap suspends the grant, and the patient re-approves.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PUT as putTrustSource } from "../../app/api/sandbox/apps/[clientId]/trust-source/route";
import { POST as postScenario } from "../../app/api/sandbox/apps/[clientId]/scenarios/route";
import { GET as getTrust } from "../../app/api/sandbox/apps/[clientId]/trust/route";
import { db } from "../db/client";
import { resetClock } from "../clock/sandbox-clock";
import { hashToken } from "../secrets/hashing";
import { updateSettings } from "../tenant-admin/update-settings";
import { reapproveGrant } from "../oauth/grant-review";
import { GRANT_SUSPENDED_URN } from "../oauth/error-uri";
import { InvalidClientMetadata } from "../oauth/errors";
import { newApp, refreshWith, TENANT, tokensFor } from "../../test/oauth-fixtures";
import { startDnsServer, startHangingFront, startTlsServer, type Closable, type TestTlsServer } from "../../test/live-servers";
import { evaluateTrust } from "./evaluate-trust";
import { setTrustSource } from "./trust-source";

const HOST = "app.livemode.test";
const DAY = 86_400_000;
const servers: Closable[] = [];
const txt: Record<string, string[]> = {};
const env: Record<string, string> = {};
let tls: TestTlsServer;
let front: Awaited<ReturnType<typeof startHangingFront>>;

beforeAll(async () => {
  tls = await startTlsServer({ hostname: HOST, type: "OV" });
  front = await startHangingFront(tls.port);
  const dns = await startDnsServer({ txt, a: { [HOST]: "127.0.0.1" } });
  servers.push(tls.server, front.server, dns.server);
  const anchors = path.join(mkdtempSync(path.join(tmpdir(), "sts-live-mode-")), "anchors.pem");
  writeFileSync(anchors, tls.rootPem);
  Object.assign(env, {
    SANDBOX_PROBE_RESOLVERS: `127.0.0.1:${dns.port}`,
    SANDBOX_PROBE_ANCHORS: anchors,
    SANDBOX_PROBE_ALLOW_PRIVATE: "1",
  });
  Object.assign(process.env, env);
});

afterAll(() => {
  servers.forEach((server) => server.close());
  for (const name of Object.keys(env)) delete process.env[name];
});

beforeEach(async () => {
  await resetClock(db, TENANT);
  await updateSettings(db, TENANT, { suspensionPolicy: "strict", checkCacheSeconds: 0 });
  front.hang(false);
  await tls.reissue({ notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 365 * DAY) });
});

/** A live app at the local server (through the front, which can be made to hang), its TXT record published. */
async function liveApp(port = tls.port) {
  const redirectUri = `https://${HOST}:${port}/callback`;
  const app = await newApp({ redirect_uris: [redirectUri], trust_source: "live" });
  txt["livemode.test"] = [`cerner-client-id=${app.client_id}`];
  return { app, redirectUri };
}

const grantOf = (refreshToken: string) => db.grant.findUniqueOrThrow({ where: { refreshTokenHash: hashToken(refreshToken) } });
const appParams = (clientId: string) => ({ params: Promise.resolve({ clientId }) });
const jsonRequest = (method: string, body: unknown) =>
  new Request("http://localhost/api", { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("an app registered in live mode", () => {
  it("is judged from its real server: verified, with the organization in the real certificate", async () => {
    const { app } = await liveApp();
    expect(app).toMatchObject({ trust_source: "live" });
    const evaluation = await evaluateTrust(db, app.client_id, { mode: "inspect" });
    expect(evaluation.source).toBe("live");
    expect(evaluation.snapshot.source).toBe("live");
    expect(evaluation.verdict.identity).toMatchObject({ label: "verified", organization: "Probe Health Inc.", domain: "livemode.test" });
    const trust = await (
      await getTrust(new Request(`http://localhost/api/sandbox/apps/${app.client_id}/trust`), appParams(app.client_id))
    ).json();
    expect(trust).toMatchObject({ source: "live", verdict: { label: "verified" } });
  });

  it("suspends the grant when the real server's certificate expired, and refreshes again once the patient re-approves a renewed one", async () => {
    const { app, redirectUri } = await liveApp();
    const tokens = await tokensFor(app.client_id, { redirectUri });
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(200);

    await tls.reissue({ notBefore: new Date(Date.now() - 30 * DAY), notAfter: new Date(Date.now() - DAY) });
    const refused = await refreshWith(app.client_id, tokens.refresh_token);
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.error).toBe("invalid_grant");
    expect(body.error_uri).toContain(encodeURIComponent(GRANT_SUSPENDED_URN));
    const grant = await grantOf(tokens.refresh_token);
    expect(grant.status).toBe("suspended");
    const suspension = grant.suspension as { changes: { code: string }[] };
    expect(suspension.changes.map((change) => change.code)).toContain("certificate.expired");

    await tls.reissue({ notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 90 * DAY) });
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(400);
    expect(await reapproveGrant(db, grant.id, "person-ava-rivera")).toBe("reapproved");
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(200);
  });

  it("suspends the grant when the real server starts stapling an OCSP response that says its certificate was revoked", async () => {
    const { app, redirectUri } = await liveApp();
    const tokens = await tokensFor(app.client_id, { redirectUri });
    tls.staple({ status: "revoked" });
    try {
      expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(400);
    } finally {
      tls.staple(null);
    }
    const suspension = (await grantOf(tokens.refresh_token)).suspension as { changes: { code: string }[] };
    expect(suspension.changes.map((change) => change.code)).toContain("certificate.revoked");
  });

  it("answers a refresh within 6 s when the real server hangs: the host counts as unreachable, so the grant is suspended", async () => {
    const { app, redirectUri } = await liveApp(front.port);
    const tokens = await tokensFor(app.client_id, { redirectUri });
    front.hang(true);
    const started = performance.now();
    const response = await refreshWith(app.client_id, tokens.refresh_token);
    const elapsed = performance.now() - started;
    expect(response.status).toBe(400);
    expect(elapsed).toBeLessThan(6_500);
    const suspension = (await grantOf(tokens.refresh_token)).suspension as { changes: { code: string }[] };
    expect(suspension.changes.map((change) => change.code)).toContain("host.unreachable");
    // Its DNS still answered: the patient is not told the domain's record went away.
    expect(suspension.changes.map((change) => change.code)).not.toContain("dns.client-id-record-removed");
  }, 20_000);

  it("answers at once from the stored check while the tenant's check cache time holds, even if the server hangs", async () => {
    await updateSettings(db, TENANT, { checkCacheSeconds: 300 });
    const { app, redirectUri } = await liveApp(front.port);
    const tokens = await tokensFor(app.client_id, { redirectUri });
    front.hang(true);
    const started = performance.now();
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("refuses scenarios and world edits, which would change nothing its checks see (409)", async () => {
    const { app } = await liveApp();
    const response = await postScenario(jsonRequest("POST", { scenario: "certificate-expired" }), appParams(app.client_id));
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: "live_trust_source",
      message: expect.stringContaining("switch its trust source back to simulated"),
    });
  });

  it("cannot be registered with a redirect URI that is not https", async () => {
    await expect(
      newApp({ redirect_uris: ["http://127.0.0.1:8080/cb"], public_hostname: "app.example.com", trust_source: "live" }),
    ).rejects.toThrow(InvalidClientMetadata);
  });
});

describe("switching an app's trust source", () => {
  it("is a change: it says what the checks see differently, how many grants it will pause, and pauses them at refresh", async () => {
    const redirectUri = `https://${HOST}:${tls.port}/callback`;
    const app = await newApp({ redirect_uris: [redirectUri] });
    txt["livemode.test"] = [`cerner-client-id=${app.client_id}`];
    const tokens = await tokensFor(app.client_id, { redirectUri });

    const response = await putTrustSource(jsonRequest("PUT", { source: "live" }), appParams(app.client_id));
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer).toMatchObject({ source: "live", previousSource: "simulated", wouldSuspend: 1 });
    expect(answer.changes.map((change: { code: string }) => change.code)).toEqual(
      expect.arrayContaining(["trust.source-live", "certificate.replaced"]),
    );
    expect(await db.event.count({ where: { clientId: app.client_id, type: "trust.source_changed" } })).toBe(1);

    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(400);
    const suspension = (await grantOf(tokens.refresh_token)).suspension as { changes: { code: string }[] };
    expect(suspension.changes.map((change) => change.code)).toContain("trust.source-live");

    const back = await setTrustSource(db, app.client_id, "simulated");
    expect(back).toMatchObject({ source: "simulated", previous: "live" });
    expect((await evaluateTrust(db, app.client_id)).source).toBe("simulated");
  });

  it("refuses live mode for an app whose primary redirect URI is not https (400)", async () => {
    const app = await newApp({ redirect_uris: ["http://127.0.0.1:8080/cb"], public_hostname: "app.example.com" });
    const response = await putTrustSource(jsonRequest("PUT", { source: "live" }), appParams(app.client_id));
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("https");
    expect((await putTrustSource(jsonRequest("PUT", { source: "remote" }), appParams(app.client_id))).status).toBe(400);
  });
});
