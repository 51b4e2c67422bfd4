// The patient revokes an app in the authorization manager (the SMART management_endpoint).
import { AuthorizationManagerPage, expect, GRANT_REVOKED_URN, STATUS_LABELS, test, urnOf } from "@smart-trust-sandbox/playwright";

test("revoking from my-authorizations ends the grant: the next refresh is invalid_grant", async ({
  sandbox,
  app,
  launch,
  patientSession,
}) => {
  const { tokens, grant } = await launch();
  const { page } = await patientSession("avarivera");

  const manager = new AuthorizationManagerPage(page);
  await manager.goto(sandbox.tenantId);
  await expect(manager.entry(app.clientName)).toContainText(STATUS_LABELS.active);
  await expect(manager.entry(app.clientName)).toContainText(app.organization.name);
  await manager.revoke(app.clientName);
  await expect(manager.entry(app.clientName)).toContainText(STATUS_LABELS.revoked);
  await expect(manager.revokeButton(app.clientName, app.clientId)).toHaveCount(0);

  const refused = await sandbox.smart.refresh({ refreshToken: tokens.refresh_token!, clientId: app.clientId });
  expect(refused.status).toBe(400);
  expect(refused.body.error).toBe("invalid_grant");
  expect(urnOf(refused.body.error_uri)).toBe(GRANT_REVOKED_URN);
  expect((await sandbox.control.grants.get(grant.id)).status).toBe("revoked");
});
