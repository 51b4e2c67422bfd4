// The QA kit (@smart-trust-sandbox/playwright, from its sources) driving the sandbox as an outside suite would:
// a tenant per worker, an app with a local redirect server, auto-login launches, headless grant control,
// the error_uri as JSON, and the page objects on the real pages.
import { AuthorizationManagerPage, ErrorUriPage, expect, GRANT_SUSPENDED_URN, test, urnOf } from "../packages/playwright/src/index.js";

test("a browser launch with login_hint in an auto-login tenant, then a suspension read back as JSON from its error_uri", async ({
  sandbox,
  app,
  launch,
  page,
}) => {
  const { tokens, grant, callback } = await launch({ browser: true, page });
  expect(page.url()).not.toContain("/personas/patient/login");
  expect(callback?.iss).toBe(sandbox.issuer);
  expect(grant.status).toBe("active");

  await sandbox.control.scenario(app.clientId, "certificate-organization-changed");
  const refused = await sandbox.smart.refresh({ refreshToken: tokens.refresh_token!, clientId: app.clientId });
  expect(refused.status).toBe(400);
  expect(urnOf(refused.body.error_uri)).toBe(GRANT_SUSPENDED_URN);

  const details = await page.request.get(refused.body.error_uri!, { headers: { Accept: "application/json" } });
  expect(await details.json()).toMatchObject({
    urn: GRANT_SUSPENDED_URN,
    error: "invalid_grant",
    correlationId: refused.headers["x-correlation-id"],
    grant: { id: grant.id, status: "suspended" },
  });
  // What went over the wire, in this worker's tenant: the refused refresh as sent and answered, and the grant as HAR.
  const exchange = await sandbox.control.exchange(refused.headers["x-correlation-id"]!);
  expect(exchange).toMatchObject({ method: "POST", status: 400 });
  expect(exchange.requestBody).toContain("refresh_token=[redacted]");
  expect(JSON.stringify(exchange)).not.toContain(tokens.refresh_token!);
  const har = await sandbox.control.grantHar(grant.id);
  expect(har.log.entries.map((entry) => entry.response.status)).toContain(400);

  // Still signed in from the launch: the full review, with the changes as a named list.
  const errorPage = new ErrorUriPage(page);
  await errorPage.open(refused.body.error_uri!);
  await expect(errorPage.pausedHeading(app.clientName)).toBeVisible();
  expect(await errorPage.changeSentences()).toContainEqual(expect.stringMatching(/organization/i));
  await errorPage.reapprove();
  expect((await sandbox.smart.refresh({ refreshToken: tokens.refresh_token!, clientId: app.clientId })).status).toBe(200);
});

test("the authorization manager names each Revoke button after its app, and revoking ends the grant", async ({
  sandbox,
  app,
  launch,
  patientSession,
}) => {
  const { tokens } = await launch();
  const { page } = await patientSession("avarivera");
  const manager = new AuthorizationManagerPage(page);
  await manager.goto(sandbox.tenantId);
  await manager.revokeButton(app.clientName, app.clientId).click();
  await expect(manager.status).toHaveCount(0); // it asks first: nothing has changed yet
  await manager.confirmRevokeButton().click();
  await expect(manager.status).toContainText("Access revoked");
  await expect(manager.statusLine(app.clientName)).toHaveText(/^Revoked by you on /);
  expect((await sandbox.smart.refresh({ refreshToken: tokens.refresh_token!, clientId: app.clientId })).body.error).toBe("invalid_grant");
});
