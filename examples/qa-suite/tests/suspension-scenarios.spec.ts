// Each change in the app's TLS/DNS world suspends the grant at its next refresh; re-approving (headless here) makes
// the SAME refresh token work again.
import { expect, GRANT_SUSPENDED_URN, SCENARIO_NAMES, test, urnOf } from "@smart-trust-sandbox/playwright";

// Every scenario but restore-baseline changes something the default (strict) policy compares.
const SCENARIOS = SCENARIO_NAMES.filter((name) => name !== "restore-baseline");

for (const scenario of SCENARIOS) {
  test(`${scenario}: refresh is 400 invalid_grant (suspended), headless re-approve, the same refresh token works again`, async ({
    sandbox,
    app,
    launch,
  }) => {
    const { tokens, grant } = await launch();
    const refreshToken = tokens.refresh_token!;
    expect((await sandbox.smart.refresh({ refreshToken, clientId: app.clientId })).status).toBe(200);

    const changed = await sandbox.control.scenario(app.clientId, scenario);
    expect(changed.changes?.length ?? 0).toBeGreaterThan(0);

    const refused = await sandbox.smart.refresh({ refreshToken, clientId: app.clientId });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe("invalid_grant");
    expect(refused.body.error_description).toBeUndefined();
    expect(urnOf(refused.body.error_uri)).toBe(GRANT_SUSPENDED_URN);

    const details = await sandbox.control.errorDetails(refused.body.error_uri!);
    expect(details).toMatchObject({ urn: GRANT_SUSPENDED_URN, error: "invalid_grant", grant: { id: grant.id, status: "suspended" } });
    expect(details.correlationId).toBe(refused.headers["x-correlation-id"]);

    const suspended = await sandbox.control.grants.get(grant.id);
    expect(suspended.status).toBe("suspended");
    expect(suspended.suspendedAt).not.toBeNull();
    expect(suspended.changes.length).toBeGreaterThan(0);

    const reapproved = await sandbox.control.grants.reapprove(grant.id);
    expect(reapproved.status).toBe("active");

    const again = await sandbox.smart.refresh({ refreshToken, clientId: app.clientId });
    expect(again.status).toBe(200);
    expect(again.body.access_token).toEqual(expect.any(String));
  });
}
