// The token endpoint's hot path (issue: "a refresh in a few milliseconds"): its database budget, no X.509 work for
// an unchanged app, and the same answers as the general path wherever something is not plain.
import { X509Certificate as NodeCertificate } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db, lean } from "../../db/client";
import { roundTrips } from "../../db/round-trips";
import { advanceClock, resetClock } from "../../clock/sandbox-clock";
import { parseDuration } from "../../clock/iso-duration";
import { updateSettings } from "../../tenant-admin/update-settings";
import { applyScenario, editWorld } from "../../trust/change-world";
import { loadHost } from "../../trust/simulated-host";
import { LeanWriteOutcomeUnknown } from "../../db/lean/lean-db";
import { enqueueFault } from "../queued-faults";
import { x509 } from "../../trust/x509";
import * as parsedCertificate from "../../trust/parsed-certificate";
import { approvedCode, newApp, REDIRECT_URI, refreshWith, TENANT, tokenRequest, tokensFor } from "../../../test/oauth-fixtures";

vi.mock("../../trust/parsed-certificate", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../trust/parsed-certificate")>();
  return { ...actual, parseCertificate: vi.fn(actual.parseCertificate) };
});

/** Runs `request` and answers its response with the number of database calls it made and through which path. */
async function counted(request: () => Promise<Response>) {
  const leanReads = vi.spyOn(lean, "rows");
  const before = roundTrips.count;
  const response = await request();
  const calls = roundTrips.count - before;
  const leanCalls = leanReads.mock.calls.length;
  leanReads.mockRestore();
  return { response, calls, leanCalls };
}

function x509Work() {
  return {
    parsed: vi.mocked(parsedCertificate.parseCertificate),
    nodeVerify: vi.spyOn(NodeCertificate.prototype, "verify"),
    nodeCheckHost: vi.spyOn(NodeCertificate.prototype, "checkHost"),
    peculiarVerify: vi.spyOn(x509.X509Certificate.prototype, "verify"),
  };
}

beforeEach(async () => {
  await resetClock(db, TENANT);
  await updateSettings(db, TENANT, {
    suspensionPolicy: "strict",
    checkCacheSeconds: 0,
    refreshTokenRotation: false,
    refreshMinIntervalSeconds: 0,
  });
  vi.mocked(parsedCertificate.parseCertificate).mockClear();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the refresh hot path", () => {
  it("answers a refresh of an unchanged app in two database calls: one read, one write (its Raw HTTP exchange included)", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    const { response, calls } = await counted(() => refreshWith(app.client_id, tokens.refresh_token));
    expect(response.status).toBe(200);
    expect(calls).toBe(2);
    const body = await response.json();
    expect(body.id_token).toBeTruthy();
    const correlationId = response.headers.get("x-correlation-id")!;
    expect(await db.event.count({ where: { correlationId, type: "token.refreshed" } })).toBe(1);
    const kept = await db.httpExchange.findFirstOrThrow({ where: { correlationId } });
    expect(kept).toMatchObject({ method: "POST", status: 200 });
    expect(kept.requestBody).toContain("refresh_token=[redacted]");
    expect(kept.responseBody).not.toContain(body.access_token);
  });

  it("performs no X.509 parsing or signature verification for an unchanged app", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    const work = x509Work();
    work.parsed.mockClear();
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(200);
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(200);
    expect(work.parsed).not.toHaveBeenCalled();
    expect(work.nodeVerify).not.toHaveBeenCalled();
    expect(work.nodeCheckHost).not.toHaveBeenCalled();
    expect(work.peculiarVerify).not.toHaveBeenCalled();
  });

  it("suspends once the app's world changed (a new revision is never answered from the remembered evaluation)", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    await applyScenario(db, app.client_id, "certificate-organization-changed");
    const response = await refreshWith(app.client_id, tokens.refresh_token);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_grant");
    expect((await db.grant.findFirstOrThrow({ where: { clientId: app.client_id } })).status).toBe("suspended");
  });

  it("suspends once the clock passes the certificate's end, though the world did not change", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    // 80-day steps keep the grant in use (90 days unused would expire it) until the one-year certificate ends.
    for (let day = 80; day < 365; day += 80) {
      await advanceClock(db, TENANT, parseDuration("P80D")!);
      expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(200);
    }
    await advanceClock(db, TENANT, parseDuration("P80D")!);
    const work = x509Work();
    work.parsed.mockClear();
    const expired = await refreshWith(app.client_id, tokens.refresh_token);
    expect(expired.status).toBe(400);
    // Outside the leaf's validity period the remembered evaluation no longer holds: the chain is looked at again.
    expect(work.parsed).toHaveBeenCalled();
    const grant = await db.grant.findFirstOrThrow({ where: { clientId: app.client_id } });
    expect(grant.status).toBe("suspended");
    expect(JSON.stringify(grant.suspension)).toContain("certificate.expired");
  });

  it("suspends an app whose chain holds a certificate revoked through another app (the revocation list is every app's world)", async () => {
    const first = await newApp();
    const second = await newApp();
    // The second app presents the first app's certificate chain, then the first app's certificate is revoked.
    await editWorld(db, second.client_id, { chainPem: (await loadHost(db, first.client_id)).current.chainPem.join("\n") });
    const tokens = await tokensFor(second.client_id);
    expect((await refreshWith(second.client_id, tokens.refresh_token)).status).toBe(200);
    await applyScenario(db, first.client_id, "certificate-revoked");
    expect((await refreshWith(second.client_id, tokens.refresh_token)).status).toBe(400);
    expect((await db.grant.findFirstOrThrow({ where: { clientId: second.client_id } })).status).toBe("suspended");
  });

  it("answers 500 rather than retrying another way when a write's outcome is unknown", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    vi.spyOn(lean, "write").mockRejectedValue(new LeanWriteOutcomeUnknown("the connection dropped after COMMIT was sent"));
    const general = vi.spyOn(db.grant, "findUnique");
    const response = await refreshWith(app.client_id, tokens.refresh_token);
    expect(response.status).toBe(500);
    expect((await response.json()).error).toBe("server_error");
    expect(general).not.toHaveBeenCalled();
  });

  it("authenticates a confidential client with its SHA-256-hashed secret on the hot path, and refuses a wrong one", async () => {
    const app = await newApp({ token_endpoint_auth_method: "client_secret_basic" });
    const basic = (secret: string) => ({ authorization: `Basic ${Buffer.from(`${app.client_id}:${secret}`).toString("base64")}` });
    const { code, verifier } = await approvedCode(app.client_id);
    const exchange = await tokenRequest(
      { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier },
      basic(app.client_secret!),
    );
    expect(exchange.status).toBe(200);
    const tokens = await exchange.json();
    const good = await counted(() =>
      tokenRequest({ grant_type: "refresh_token", refresh_token: tokens.refresh_token }, basic(app.client_secret!)),
    );
    expect(good.response.status).toBe(200);
    expect(good.calls).toBe(2);
    const wrong = await tokenRequest({ grant_type: "refresh_token", refresh_token: tokens.refresh_token }, basic("wrong"));
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error).toBe("invalid_client");
  });

  it("hands a request with a queued fault to the general path, which answers the fault", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    await enqueueFault(db, { tenantId: TENANT, clientId: app.client_id, endpoint: "token", answer: "revoked", count: 1 });
    const faulted = await refreshWith(app.client_id, tokens.refresh_token);
    expect(faulted.status).toBe(400);
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(200);
  });

  it("answers a throttled refresh 429 through the general path, then serves the next in budget", async () => {
    await updateSettings(db, TENANT, { refreshMinIntervalSeconds: 60 });
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(429);
    await advanceClock(db, TENANT, parseDuration("PT61S")!);
    const { response, calls } = await counted(() => refreshWith(app.client_id, tokens.refresh_token));
    expect(response.status).toBe(200);
    expect(calls).toBe(2);
  });

  it("rotates on the hot path when rotation is on: the new token works, the old one is reuse", async () => {
    await updateSettings(db, TENANT, { refreshTokenRotation: true });
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    const first = await counted(() => refreshWith(app.client_id, tokens.refresh_token));
    expect(first.calls).toBe(2);
    const rotated = (await first.response.json()).refresh_token;
    expect(rotated).toBeTruthy();
    expect((await refreshWith(app.client_id, rotated)).status).toBe(200);
    await advanceClock(db, TENANT, parseDuration("PT1M")!);
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(400);
    expect((await db.grant.findFirstOrThrow({ where: { clientId: app.client_id } })).status).toBe("revoked");
  });

  it("uses the vendor-like stored check while it is fresh, and refreshes it through the general path when stale", async () => {
    await updateSettings(db, TENANT, { checkCacheSeconds: 600 });
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    const fresh = await counted(() => refreshWith(app.client_id, tokens.refresh_token));
    expect(fresh.response.status).toBe(200);
    expect(fresh.calls).toBe(2);
    await advanceClock(db, TENANT, parseDuration("PT11M")!);
    const stale = await counted(() => refreshWith(app.client_id, tokens.refresh_token));
    expect(stale.response.status).toBe(200);
    expect(stale.calls).toBeGreaterThan(2);
  });
});

describe("the code exchange hot path", () => {
  it("exchanges a code in two database calls (PostgreSQL: a read and a four-step transaction) and records the trust check", async () => {
    const app = await newApp();
    await tokensFor(app.client_id);
    const { code, verifier } = await approvedCode(app.client_id);
    const { response, calls } = await counted(() =>
      tokenRequest({
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
        client_id: app.client_id,
      }),
    );
    expect(response.status).toBe(200);
    // PostgreSQL cannot take back a claimed code inside one statement, so it claims and issues in BEGIN … COMMIT.
    expect(calls).toBe(lean.dialect === "sqlite" ? 2 : 5);
    const body = await response.json();
    expect(body.refresh_token).toBeTruthy();
    expect((await refreshWith(app.client_id, body.refresh_token)).status).toBe(200);
    const events = await db.event.findMany({
      where: { correlationId: response.headers.get("x-correlation-id")! },
      orderBy: { type: "asc" },
    });
    expect(events.map((event) => event.type)).toEqual(["token.issued", "trust.checked"]);
    expect(events[1].payload).toMatchObject({ at: "code_exchange", label: "verified", matchesApproval: true, cached: false });
  });

  it("leaves a code usable after a wrong verifier, and revokes on a replay, as the general path does", async () => {
    const app = await newApp();
    const { code, verifier } = await approvedCode(app.client_id);
    const exchange = (codeVerifier: string) =>
      tokenRequest({
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: codeVerifier,
        client_id: app.client_id,
      });
    expect((await exchange("x".repeat(43))).status).toBe(400);
    const first = await exchange(verifier);
    expect(first.status).toBe(200);
    const replay = await exchange(verifier);
    expect(replay.status).toBe(400);
    expect((await refreshWith(app.client_id, (await first.json()).refresh_token)).status).toBe(400);
  });

  it("answers two exchanges of one code racing with one 200, and the loser revokes the grant", async () => {
    const app = await newApp();
    const { code, verifier } = await approvedCode(app.client_id);
    const exchange = () =>
      tokenRequest({
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
        client_id: app.client_id,
      });
    const answers = await Promise.all([exchange(), exchange()]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    expect((await db.grant.findFirstOrThrow({ where: { clientId: app.client_id } })).status).toBe("revoked");
  });
});
