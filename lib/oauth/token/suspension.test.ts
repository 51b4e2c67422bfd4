// Automatic suspension through real refresh requests: the policy × scenario table, re-approval, keeping it
// paused, revocation, 90-day expiry and concurrent refreshes.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../db/client";
import { advanceClock, resetClock } from "../../clock/sandbox-clock";
import { parseDuration } from "../../clock/iso-duration";
import { updateSettings } from "../../tenant-admin/update-settings";
import { applyScenario } from "../../trust/change-world";
import { SCENARIO_NAMES } from "../../trust/scenarios";
import { keepGrantSuspended, reapproveGrant, revokeGrantAsPatient } from "../grant-review";
import { GRANT_REVOKED_URN, GRANT_SUSPENDED_URN } from "../error-uri";
import { newApp, refreshWith, TENANT, tokensFor } from "../../../test/oauth-fixtures";

const SUSPENDS: Record<"strict" | "identity", readonly string[]> = {
  strict: SCENARIO_NAMES.filter((name) => name !== "restore-baseline"),
  identity: SCENARIO_NAMES.filter((name) => name !== "restore-baseline" && name !== "certificate-renewed"),
};

async function grantOf(refreshToken: string) {
  const { hashToken } = await import("../../secrets/hashing");
  return db.grant.findUniqueOrThrow({ where: { refreshTokenHash: hashToken(refreshToken) } });
}

beforeEach(async () => {
  await resetClock(db, TENANT);
  await updateSettings(db, TENANT, { suspensionPolicy: "strict", checkCacheSeconds: 0 });
});

describe.each(["strict", "identity"] as const)("refresh under the %s policy", (policy) => {
  it.each(SCENARIO_NAMES)("after %s", async (scenario) => {
    await updateSettings(db, TENANT, { suspensionPolicy: policy });
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    await applyScenario(db, app.client_id, scenario);
    const response = await refreshWith(app.client_id, tokens.refresh_token);
    if (SUSPENDS[policy].includes(scenario)) {
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(Object.keys(body).sort()).toEqual(["error", "error_uri"]);
      expect(body.error).toBe("invalid_grant");
      expect(body.error_uri).toContain(encodeURIComponent(GRANT_SUSPENDED_URN));
      expect(body.error_uri).toContain(`${response.headers.get("x-correlation-id")}?client=${app.client_id}&tenant=${TENANT}`);
      expect((await grantOf(tokens.refresh_token)).status).toBe("suspended");
    } else {
      expect(response.status).toBe(200);
    }
  });
});

describe("a suspended grant", () => {
  it("keeps failing the same way without a second suspension", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    await applyScenario(db, app.client_id, "certificate-expired");
    await refreshWith(app.client_id, tokens.refresh_token);
    const again = await refreshWith(app.client_id, tokens.refresh_token);
    expect((await again.json()).error).toBe("invalid_grant");
    const grant = await grantOf(tokens.refresh_token);
    expect(await db.event.count({ where: { grantId: grant.id, type: "grant.suspended" } })).toBe(1);
  });

  it("records the changes in sentences, when, and the correlation id", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    await applyScenario(db, app.client_id, "certificate-expired");
    const response = await refreshWith(app.client_id, tokens.refresh_token);
    const grant = await grantOf(tokens.refresh_token);
    const suspension = grant.suspension as { changes: { sentence: string }[]; correlationId: string };
    expect(suspension.correlationId).toBe(response.headers.get("x-correlation-id"));
    expect(suspension.changes.map((c) => c.sentence).join(" ")).toMatch(/expired on/);
    expect(grant.suspendedAt).not.toBeNull();
  });

  it("works again with the same refresh token after the patient re-approves", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    await applyScenario(db, app.client_id, "certificate-renewed");
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(400);
    const grant = await grantOf(tokens.refresh_token);
    expect(await reapproveGrant(db, grant.id, "person-ava-rivera")).toBe("reapproved");
    expect(await reapproveGrant(db, grant.id, "person-ava-rivera")).toBe("already-active");
    const response = await refreshWith(app.client_id, tokens.refresh_token);
    expect(response.status).toBe(200);
    expect(await db.event.count({ where: { grantId: grant.id, type: "grant.reapproved" } })).toBe(1);
  });

  it("keeps failing when the patient keeps it paused", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    await applyScenario(db, app.client_id, "dns-txt-removed");
    await refreshWith(app.client_id, tokens.refresh_token);
    const grant = await grantOf(tokens.refresh_token);
    expect(await keepGrantSuspended(db, grant.id, "person-ava-rivera")).toBe("kept-paused");
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(400);
  });

  it("refuses re-approval by someone without access to the patient, and of a revoked grant", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    await applyScenario(db, app.client_id, "host-unreachable");
    await refreshWith(app.client_id, tokens.refresh_token);
    const grant = await grantOf(tokens.refresh_token);
    expect(await reapproveGrant(db, grant.id, "person-samuel-okafor")).toBe("no-access");
    expect((await grantOf(tokens.refresh_token)).status).toBe("suspended");
    expect(await revokeGrantAsPatient(db, grant.id, "person-ava-rivera")).toBe("revoked");
    expect(await reapproveGrant(db, grant.id, "person-ava-rivera")).toBe("was-revoked");
    const response = await refreshWith(app.client_id, tokens.refresh_token);
    expect((await response.json()).error_uri).toContain(encodeURIComponent(GRANT_REVOKED_URN));
  });

  it("suspends exactly once when ten refreshes race while a change is pending", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    await applyScenario(db, app.client_id, "certificate-revoked");
    const responses = await Promise.all(Array.from({ length: 10 }, () => refreshWith(app.client_id, tokens.refresh_token)));
    for (const response of responses) expect((await response.json()).error).toBe("invalid_grant");
    const grant = await grantOf(tokens.refresh_token);
    expect(grant.status).toBe("suspended");
    expect(await db.event.count({ where: { grantId: grant.id, type: "grant.suspended" } })).toBe(1);
  });
});

describe("expiry", () => {
  it("revokes an offline grant unused for more than 90 days at its next use", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    await advanceClock(db, TENANT, parseDuration("P89D")!);
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(200);
    await advanceClock(db, TENANT, parseDuration("P91D")!);
    const response = await refreshWith(app.client_id, tokens.refresh_token);
    expect((await response.json()).error_uri).toContain(encodeURIComponent(GRANT_REVOKED_URN));
    const grant = await grantOf(tokens.refresh_token);
    expect(grant).toMatchObject({ status: "revoked", revokedReason: "unused for more than 90 days" });
    expect(await db.event.count({ where: { grantId: grant.id, type: "grant.expired" } })).toBe(1);
  });

  it("ends an online_access grant with the sign-in session", async () => {
    const app = await newApp({ scope: "launch/patient openid online_access patient/Patient.read" });
    const tokens = await tokensFor(app.client_id, { scope: "launch/patient openid online_access patient/Patient.read" });
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(200);
    await db.loginSession.update({ where: { id: tokens.sessionId }, data: { endedAt: new Date() } });
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(400);
  });

  it("does not check trust on online_access refreshes unless the setting says so", async () => {
    const scope = "launch/patient online_access patient/Patient.read";
    const app = await newApp({ scope });
    const tokens = await tokensFor(app.client_id, { scope });
    await applyScenario(db, app.client_id, "certificate-expired");
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(200);
    await updateSettings(db, TENANT, { suspendOnlineAccess: true });
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(400);
    await updateSettings(db, TENANT, { suspendOnlineAccess: false });
  });
});
