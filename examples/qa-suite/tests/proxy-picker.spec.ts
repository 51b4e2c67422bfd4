// A proxy: Maya Chen manages her own record and her son Leo's; she picks Leo in the browser.
import { ConsentPage, expect, PatientPickerPage, test } from "@smart-trust-sandbox/playwright";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("mayachen picks Leo in the patient picker, unticks medications, allows: the token is Leo's and sees no medications", async ({
  sandbox,
  app,
  page,
}) => {
  const leo = sandbox.patient("Leo Chen");
  const maya = sandbox.patient("Maya Chen");
  const request = app.smart.authorizeUrl({ clientId: app.clientId, redirectUri: app.redirectUri, scope: app.scope, loginHint: "mayachen" });
  await page.goto(request.url);

  const picker = new PatientPickerPage(page);
  await expect(picker.heading).toBeVisible();
  await expect(picker.patient(new RegExp(escapeRegExp(maya.name)))).toBeVisible();
  await picker.choose(new RegExp(escapeRegExp(leo.name)));

  const consent = new ConsentPage(page);
  await expect(consent.headingFor(app.clientName, `${leo.name}'s`)).toBeVisible();
  await expect(consent.identityBlock).toContainText(app.organization.name);
  await consent.untick("Leo Chen's medications");
  await consent.allow();

  const callback = await app.callbacks.waitForCallback({ state: request.state });
  expect(callback.error).toBeUndefined();
  const tokens = await app.smart.exchangeCode({
    clientId: app.clientId,
    code: callback.code!,
    redirectUri: app.redirectUri,
    verifier: request.verifier,
  });
  expect(tokens.patient).toBe(leo.id);
  expect(tokens.scope.split(" ")).not.toContain("patient/MedicationRequest.read");

  const record = await sandbox.smart.fhir(`Patient/${leo.id}`, tokens.access_token);
  expect(record.status).toBe(200);
  expect(record.body).toMatchObject({ resourceType: "Patient", id: leo.id });
  expect((await sandbox.smart.fhir(`Patient/${maya.id}`, tokens.access_token)).status).not.toBe(200);
  expect((await sandbox.smart.fhir(`MedicationRequest?patient=${leo.id}`, tokens.access_token)).status).toBe(403);

  const grants = await sandbox.control.grants.list({ client_id: app.clientId });
  expect(grants).toEqual([expect.objectContaining({ patientId: leo.id, username: "mayachen", status: "active" })]);
});

test("headless, a proxy must name the patient: POST …/grants with patient = Leo's id", async ({ sandbox, launch }) => {
  const leo = sandbox.patient("Leo Chen");
  const { tokens, grant } = await launch({ username: "mayachen", patient: leo.id });
  expect(tokens.patient).toBe(leo.id);
  expect(grant).toMatchObject({ username: "mayachen", patientId: leo.id });
});
