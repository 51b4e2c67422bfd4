// The token endpoint under real clients, races and junk (issue: "Real clients must work"): refresh without
// client credentials, codes consumed last, atomic conditional issuance, reuse detection, timing rules.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decodeJwt } from "jose";
import { db, lean } from "../../db/client";
import { advanceClock, resetClock } from "../../clock/sandbox-clock";
import { parseDuration } from "../../clock/iso-duration";
import { hashToken } from "../../secrets/hashing";
import { updateSettings } from "../../tenant-admin/update-settings";
import { applyScenario } from "../../trust/change-world";
import { GRANT_REVOKED_URN, GRANT_SUSPENDED_URN } from "../error-uri";
import { reapproveGrant } from "../grant-review";
import { revokeGrant, suspendGrant } from "../grants";
import {
  approveAuthorizationRequest,
  AuthorizationRequestUnavailable,
  startAuthorizationRequest,
} from "../authorize/authorization-requests";
import {
  approvedCode,
  FHIR_BASE,
  newApp,
  rawTokenRequest,
  REDIRECT_URI,
  refreshWith,
  revokeRequest,
  TENANT,
  tokenRequest,
  tokensFor,
} from "../../../test/oauth-fixtures";
import { log } from "../../log/logger";

const grantOf = (refreshToken: string) => db.grant.findUniqueOrThrow({ where: { refreshTokenHash: hashToken(refreshToken) } });
const refreshWithoutClientId = (refreshToken: string) => tokenRequest({ grant_type: "refresh_token", refresh_token: refreshToken });

/**
 * Runs `change` right before the next issuance — the interactive transaction of the general path, or the write of
 * the lean refresh path (lean-refresh.ts) — to interleave deterministically.
 */
function beforeNextIssuance(change: () => Promise<unknown>) {
  const original = db.$transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  const originalWrite = lean.write.bind(lean);
  let armed = true;
  vi.spyOn(db, "$transaction").mockImplementation(((...args: unknown[]) => {
    if (armed && typeof args[0] === "function") {
      armed = false;
      return change().then(() => original(...args));
    }
    return original(...args);
  }) as never);
  vi.spyOn(lean, "write").mockImplementation((...args) => {
    if (!armed) return originalWrite(...args);
    armed = false;
    return change().then(() => originalWrite(...args));
  });
}

async function accessTokenActive(accessToken: string): Promise<boolean> {
  const record = await db.accessToken.findUnique({ where: { jti: decodeJwt(accessToken).jti! } });
  return !!record && !record.revoked;
}

beforeEach(async () => {
  await resetClock(db, TENANT);
  await updateSettings(db, TENANT, {
    refreshTokenRotation: false,
    refreshMinIntervalSeconds: 0,
    suspensionPolicy: "strict",
    checkCacheSeconds: 0,
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("refresh without client credentials (RFC 6749 §6)", () => {
  it("refreshes a public client's token sent with no client_id, as fhirclient does", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    const response = await refreshWithoutClientId(tokens.refresh_token);
    expect(response.status).toBe(200);
    expect((await response.json()).access_token).toEqual(expect.any(String));
  });

  it("reaches the suspension for a public client that sends no client_id", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    await applyScenario(db, app.client_id, "certificate-expired");
    const response = await refreshWithoutClientId(tokens.refresh_token);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe("invalid_grant");
    expect(body.error_uri).toContain(encodeURIComponent(GRANT_SUSPENDED_URN));
  });

  it("keeps a confidential client's refresh token at 401 invalid_client without its secret", async () => {
    const app = await newApp({ token_endpoint_auth_method: "client_secret_post" });
    const { code, verifier } = await approvedCode(app.client_id);
    const tokens = await (
      await tokenRequest({
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
        client_id: app.client_id,
        client_secret: app.client_secret!,
      })
    ).json();
    const response = await refreshWithoutClientId(tokens.refresh_token);
    expect(response.status).toBe(401);
    expect((await response.json()).error).toBe("invalid_client");
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic/);
  });

  it("answers invalid_grant for an unknown refresh token sent with no client_id", async () => {
    const response = await refreshWithoutClientId("not-a-refresh-token");
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_grant");
  });

  it("still requires client_id at revocation for a public client", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    const response = await revokeRequest({ token: tokens.refresh_token });
    expect(response.status).toBe(401);
    expect((await refreshWithoutClientId(tokens.refresh_token)).status).toBe(200);
  });
});

describe("authorization codes are consumed last", () => {
  const exchange = (clientId: string, code: string, verifier: string) =>
    tokenRequest({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier, client_id: clientId });

  it("a wrong code_verifier leaves the code usable by its owner", async () => {
    const app = await newApp();
    const { code, verifier } = await approvedCode(app.client_id);
    expect((await exchange(app.client_id, code, "w".repeat(43))).status).toBe(400);
    expect((await exchange(app.client_id, code, verifier)).status).toBe(200);
  });

  it("another client's attempt leaves the code usable by its owner", async () => {
    const app = await newApp();
    const thief = await newApp();
    const { code, verifier } = await approvedCode(app.client_id);
    const stolen = await exchange(thief.client_id, code, verifier);
    expect(stolen.status).toBe(400);
    expect((await stolen.json()).error).toBe("invalid_grant");
    expect((await exchange(app.client_id, code, verifier)).status).toBe(200);
  });

  it("a replay of an exchanged code revokes the grant and the tokens it answered", async () => {
    const app = await newApp();
    const { code, verifier } = await approvedCode(app.client_id);
    const first = await (await exchange(app.client_id, code, verifier)).json();
    expect((await exchange(app.client_id, code, verifier)).status).toBe(400);
    expect(await accessTokenActive(first.access_token)).toBe(false);
    expect((await grantOf(first.refresh_token)).status).toBe("revoked");
  });

  it("two exchanges of one code racing answer 200 at most once, and the grant ends revoked", async () => {
    const app = await newApp();
    const { code, verifier } = await approvedCode(app.client_id);
    const answers = await Promise.all([exchange(app.client_id, code, verifier), exchange(app.client_id, code, verifier)]);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    const grant = await db.grant.findFirstOrThrow({ where: { clientId: app.client_id } });
    expect(grant.status).toBe("revoked");
  });
});

describe("atomic, conditional issuance", () => {
  it("a refresh racing a revoke never answers 200", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    const grant = await grantOf(tokens.refresh_token);
    beforeNextIssuance(() => revokeGrant(db, grant, "revoked by the test mid-refresh", new Date()));
    const response = await refreshWith(app.client_id, tokens.refresh_token);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe("invalid_grant");
    expect(body.error_uri).toContain(encodeURIComponent(GRANT_REVOKED_URN));
    expect(await db.accessToken.count({ where: { grantId: grant.id } })).toBe(1);
    expect(await db.event.count({ where: { grantId: grant.id, type: "token.refreshed" } })).toBe(0);
  });

  it("a refresh racing a suspension never answers 200", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    const grant = await grantOf(tokens.refresh_token);
    const changes = [{ code: "console.forced", kind: "fact" as const, sentence: "paused by the test" }];
    beforeNextIssuance(() =>
      suspendGrant(db, grant, { changes, correlationId: "test", snapshotAfter: grant.snapshot as never }, new Date()),
    );
    const response = await refreshWith(app.client_id, tokens.refresh_token);
    expect(response.status).toBe(400);
    expect((await response.json()).error_uri).toContain(encodeURIComponent(GRANT_SUSPENDED_URN));
  });

  it("leaves no usable access token from any 200 when refreshes and a revoke run together", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    const grant = await grantOf(tokens.refresh_token);
    const refreshes = Array.from({ length: 8 }, () => refreshWith(app.client_id, tokens.refresh_token));
    const [, ...answers] = await Promise.all([revokeGrant(db, grant, "revoked during a burst", new Date()), ...refreshes]);
    for (const answer of answers.filter((candidate) => candidate.status === 200)) {
      expect(await accessTokenActive((await answer.json()).access_token)).toBe(false);
    }
  });

  it("answers a refresh after the revoke with invalid_grant", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    await revokeGrant(db, await grantOf(tokens.refresh_token), "revoked", new Date());
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(400);
  });
});

describe("refresh token rotation (setting on)", () => {
  beforeEach(async () => {
    await updateSettings(db, TENANT, { refreshTokenRotation: true });
  });

  it("revokes the whole grant when an already-rotated refresh token is presented again (RFC 9700 §4.14.2)", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    const rotated = (await (await refreshWith(app.client_id, tokens.refresh_token)).json()).refresh_token;
    await advanceClock(db, TENANT, parseDuration("PT1M")!);
    const reuse = await refreshWith(app.client_id, tokens.refresh_token);
    expect(reuse.status).toBe(400);
    expect((await reuse.json()).error_uri).toContain(encodeURIComponent(GRANT_REVOKED_URN));
    expect((await refreshWith(app.client_id, rotated)).status).toBe(400);
    expect((await grantOf(rotated)).revokedReason).toMatch(/reuse/);
  });

  it("two concurrent refreshes with one token answer 200 once, and the winner's new token keeps working", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    const answers = await Promise.all([refreshWith(app.client_id, tokens.refresh_token), refreshWith(app.client_id, tokens.refresh_token)]);
    const winners = answers.filter((answer) => answer.status === 200);
    expect(winners).toHaveLength(1);
    const loser = answers.find((answer) => answer.status !== 200)!;
    expect((await loser.json()).error).toBe("invalid_grant");
    const rotated = (await winners[0].json()).refresh_token;
    expect((await refreshWith(app.client_id, rotated)).status).toBe(200);
  });
});

describe("no prototype lookups", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])(
    "answers grant_type=%s with 400 unsupported_grant_type",
    async (grantType) => {
      const response = await rawTokenRequest(
        new Request("http://x/token", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: `grant_type=${grantType}&client_id=x`,
        }),
      );
      expect(response.status).toBe(400);
      expect((await response.json()).error).toBe("unsupported_grant_type");
    },
  );
});

describe("an error path that cannot fail", () => {
  it("answers well-formed JSON with the correlation id when the error cannot be stored", async () => {
    const logged = vi.spyOn(log, "error");
    vi.spyOn(db.errorInstance, "create").mockImplementation(() => {
      throw new Error("disk full");
    });
    const response = await tokenRequest({ grant_type: "password" });
    expect(response.status).toBe(400);
    const body = await response.json();
    const correlationId = response.headers.get("x-correlation-id")!;
    expect(body.error).toBe("unsupported_grant_type");
    expect(body.error_uri).toContain(correlationId);
    expect(logged.mock.calls.some((call) => (call[0] as { correlationId?: string }).correlationId === correlationId)).toBe(true);
  });

  it("answers 500 server_error with the correlation id for anything unexpected", async () => {
    const logged = vi.spyOn(log, "error");
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    vi.spyOn(lean, "rows").mockRejectedValue(new Error("connection lost"));
    vi.spyOn(db.grant, "findUnique").mockRejectedValue(new Error("connection lost"));
    const response = await refreshWith(app.client_id, tokens.refresh_token);
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error).toBe("server_error");
    expect(body.error_uri).toContain(response.headers.get("x-correlation-id")!);
    expect(logged).toHaveBeenCalled();
  });
});

describe("approval is one transaction", () => {
  it("two Allow clicks for one request racing create one grant, one code and one event", async () => {
    const app = await newApp();
    const requestId = await startAuthorizationRequest(db, TENANT, {
      clientId: app.client_id,
      clientName: "Route Test App",
      redirectUri: REDIRECT_URI,
      redirectUriGiven: true,
      scope: ["launch/patient", "offline_access", "patient/Patient.read"],
      state: "s",
      aud: FHIR_BASE,
      codeChallenge: null,
      nonce: null,
    });
    const approve = () =>
      approveAuthorizationRequest(db, {
        tenantId: TENANT,
        requestId,
        personId: "person-ava-rivera",
        patientId: "ava-rivera",
        loginSessionId: "none",
        keptScopes: [],
      });
    const outcomes = await Promise.allSettled([approve(), approve()]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === "rejected")?.reason).toBeInstanceOf(AuthorizationRequestUnavailable);
    expect(await db.grant.count({ where: { clientId: app.client_id } })).toBe(1);
    expect(await db.authorizationCode.count({ where: { clientId: app.client_id } })).toBe(1);
    expect(await db.event.count({ where: { clientId: app.client_id, type: "grant.created" } })).toBe(1);
  });
});

describe("registered grant types", () => {
  it("gives a client registered without refresh_token no refresh token", async () => {
    const app = await newApp({ grant_types: ["authorization_code"] });
    const tokens = await tokensFor(app.client_id);
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.access_token).toEqual(expect.any(String));
  });
});

describe("vendor timing rules", () => {
  it("revokes a suspended grant unused for more than 90 days at its next refresh", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    await applyScenario(db, app.client_id, "certificate-expired");
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(400);
    await advanceClock(db, TENANT, parseDuration("P91D")!);
    const response = await refreshWith(app.client_id, tokens.refresh_token);
    expect((await response.json()).error_uri).toContain(encodeURIComponent(GRANT_REVOKED_URN));
    const grant = await grantOf(tokens.refresh_token);
    expect(grant.status).toBe("revoked");
    expect(grant.revokedReason).toMatch(/90 days/);
  });

  it("refuses to re-approve a suspended grant unused for more than 90 days, with a clear message", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    await applyScenario(db, app.client_id, "certificate-expired");
    await refreshWith(app.client_id, tokens.refresh_token);
    await advanceClock(db, TENANT, parseDuration("P91D")!);
    const grant = await grantOf(tokens.refresh_token);
    expect(await reapproveGrant(db, grant.id, grant.personId)).toBe("expired");
    expect((await grantOf(tokens.refresh_token)).status).toBe("revoked");
  });

  it("answers a refresh sooner than refreshMinIntervalSeconds with 429 temporarily_unavailable and Retry-After", async () => {
    await updateSettings(db, TENANT, { refreshMinIntervalSeconds: 60 });
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    const throttled = await refreshWith(app.client_id, tokens.refresh_token);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("60");
    const body = await throttled.json();
    expect(body.error).toBe("temporarily_unavailable");
    expect(body.error_uri).toContain(throttled.headers.get("x-correlation-id")!);
    await advanceClock(db, TENANT, parseDuration("PT61S")!);
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(200);
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(429);
  });
});

describe("junk requests", () => {
  it("refuse a NUL character in any parameter with 400 invalid_request (PostgreSQL cannot store one)", async () => {
    const response = await tokenRequest({ grant_type: "refresh_token", refresh_token: "a\u0000b", client_id: "x" });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_request");
  });

  it("are not attributed to a client_id nobody registered", async () => {
    const response = await tokenRequest({ grant_type: "refresh_token", refresh_token: "junk", client_id: "made-up-client" });
    expect(response.status).toBe(401);
    const event = await db.event.findFirstOrThrow({ where: { correlationId: response.headers.get("x-correlation-id")! } });
    expect(event.clientId).toBeNull();
    const instance = await db.errorInstance.findUniqueOrThrow({ where: { id: response.headers.get("x-correlation-id")! } });
    expect(instance.clientId).toBeNull();
  });
});

describe("work done once", () => {
  it("a refresh without client credentials reads the grant once, not again in the handler", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    await applyScenario(db, app.client_id, "certificate-renewed");
    // Not the lean path's (it hands a changed app to the general path): the general path's own reads.
    const reads = vi.spyOn(db.grant, "findUnique");
    expect((await refreshWithoutClientId(tokens.refresh_token)).status).toBe(400);
    expect(reads.mock.calls.filter(([args]) => "refreshTokenHash" in (args.where ?? {}))).toHaveLength(1);
  });
});
