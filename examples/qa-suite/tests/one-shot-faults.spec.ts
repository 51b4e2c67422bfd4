// One-shot faults: the next request of one client answers a chosen failure, then normal service resumes.
import {
  completePatientSteps,
  expect,
  GRANT_REVOKED_URN,
  GRANT_SUSPENDED_URN,
  test,
  urnOf,
  type NextTokenAnswer,
} from "@smart-trust-sandbox/playwright";

const TOKEN_FAULTS: { answer: NextTokenAnswer; status: number; error: string; urn?: string }[] = [
  { answer: "suspended", status: 400, error: "invalid_grant", urn: GRANT_SUSPENDED_URN },
  { answer: "revoked", status: 400, error: "invalid_grant", urn: GRANT_REVOKED_URN },
  { answer: "invalid_client", status: 401, error: "invalid_client" },
  { answer: "server_error", status: 500, error: "server_error" },
];

for (const fault of TOKEN_FAULTS) {
  test(`next-token ${fault.answer}: the next refresh answers ${fault.status} ${fault.error}, the one after is served`, async ({
    sandbox,
    app,
    launch,
  }) => {
    const { tokens } = await launch();
    const refreshToken = tokens.refresh_token!;

    const queued = await sandbox.control.nextToken(app.clientId, fault.answer);
    expect(queued).toMatchObject({ clientId: app.clientId, endpoint: "token", answer: fault.answer, remaining: 1 });

    const faulted = await sandbox.smart.refresh({ refreshToken, clientId: app.clientId });
    expect(faulted.status).toBe(fault.status);
    expect(faulted.body.error).toBe(fault.error);
    if (fault.urn) {
      // A real error_uri: its page and its JSON exist.
      expect(urnOf(faulted.body.error_uri)).toBe(fault.urn);
      expect(await sandbox.control.errorDetails(faulted.body.error_uri!)).toMatchObject({ urn: fault.urn, error: "invalid_grant" });
    }

    const served = await sandbox.smart.refresh({ refreshToken, clientId: app.clientId });
    expect(served.status).toBe(200);
    expect(served.body.access_token).toEqual(expect.any(String));
  });
}

test("next-authorize access_denied: the next authorize redirects back with the error and the state; the one after is served", async ({
  sandbox,
  app,
  page,
}) => {
  const queued = await sandbox.control.nextAuthorize(app.clientId, "access_denied");
  expect(queued).toMatchObject({ clientId: app.clientId, endpoint: "authorize", answer: "access_denied" });

  const refused = app.smart.authorizeUrl({
    clientId: app.clientId,
    redirectUri: app.redirectUri,
    scope: app.scope,
    loginHint: "avarivera",
  });
  await page.goto(refused.url);
  const denied = await app.callbacks.waitForCallback({ state: refused.state });
  expect(denied.error).toBe("access_denied");
  expect(denied.state).toBe(refused.state);
  expect(denied.code).toBeUndefined();
  await expect(page.getByRole("heading", { name: "QA app callback" })).toBeVisible();

  const served = app.smart.authorizeUrl({ clientId: app.clientId, redirectUri: app.redirectUri, scope: app.scope, loginHint: "avarivera" });
  await page.goto(served.url);
  await completePatientSteps(page, { username: "avarivera" });
  const allowed = await app.callbacks.waitForCallback({ state: served.state });
  expect(allowed.error).toBeUndefined();
  expect(allowed.code).toEqual(expect.any(String));
  const tokens = await app.smart.exchangeCode({
    clientId: app.clientId,
    code: allowed.code!,
    redirectUri: app.redirectUri,
    verifier: served.verifier,
  });
  expect(tokens.patient).toBe(sandbox.patient("Ava Rivera").id);
});
