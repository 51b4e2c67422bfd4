// The standalone launch, both ways the fixtures offer it.
import { expect, test } from "@smart-trust-sandbox/playwright";

test("standalone launch in the browser: login_hint signs Ava in, she allows, the code + PKCE exchange gives tokens that read her record", async ({
  sandbox,
  app,
  launch,
  page,
}) => {
  const visited: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) visited.push(frame.url());
  });

  const { tokens, grant, callback } = await launch({ browser: true, page });
  const ava = sandbox.patient("Ava Rivera");

  // Auto-login: no sign-in form on the way (the tenant was created with autoLogin: true).
  expect(visited.filter((url) => url.includes("/personas/patient/login"))).toEqual([]);
  // RFC 9207 iss is on by default.
  expect(callback?.iss).toBe(sandbox.smart.configuration.issuer);

  expect(tokens).toMatchObject({ token_type: "Bearer", scope: app.scope, patient: ava.id });
  expect(tokens.refresh_token).toEqual(expect.any(String));
  expect(tokens.id_token).toEqual(expect.any(String));
  expect(grant).toMatchObject({
    clientId: app.clientId,
    patientId: ava.id,
    username: "avarivera",
    status: "active",
    accessKind: "offline",
  });

  const record = await sandbox.smart.fhir(`Patient/${ava.id}`, tokens.access_token);
  expect(record.status).toBe(200);
  expect(record.body).toMatchObject({ resourceType: "Patient", id: ava.id });

  const refreshed = await sandbox.smart.refresh({ refreshToken: tokens.refresh_token!, clientId: app.clientId });
  expect(refreshed.status).toBe(200);
  expect(refreshed.body.access_token).toEqual(expect.any(String));
});

test("standalone launch headless: POST …/grants {issue: tokens} answers a token response that works like a real one", async ({
  sandbox,
  app,
  launch,
}) => {
  const { tokens, grant } = await launch();
  const ava = sandbox.patient("Ava Rivera");
  expect(tokens).toMatchObject({ token_type: "Bearer", patient: ava.id, scope: app.scope });
  expect(grant).toMatchObject({ clientId: app.clientId, username: "avarivera", status: "active" });

  const observations = await sandbox.smart.fhir(`Observation?patient=${ava.id}&_summary=count`, tokens.access_token);
  expect(observations.status).toBe(200);
  expect(observations.body).toMatchObject({ resourceType: "Bundle" });

  const refreshed = await sandbox.smart.refresh({ refreshToken: tokens.refresh_token!, clientId: app.clientId });
  expect(refreshed.status).toBe(200);
  // The vendor does not rotate refresh tokens (tenant default).
  expect(refreshed.body.refresh_token).toBeUndefined();
});
