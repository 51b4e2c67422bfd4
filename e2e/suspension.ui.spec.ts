import { expect, test } from "@playwright/test";
import { DEFAULT_TENANT_ID } from "./support/e2e-environment";
import { authorizeUrl, exchangeCode, pkcePair, refresh, registerClient } from "./support/smart-client";
import { callbackParameters, interceptQaApp, signIn } from "./support/patient-browser";

test("POST …/token – refresh after certificate expiry suspends; the patient re-approves on the error_uri page; then revokes in the manager", async ({
  page,
  request,
}) => {
  await interceptQaApp(page);
  const client = await registerClient(request, { client_name: "Suspension Demo App" });
  const { verifier, challenge } = pkcePair();
  await page.goto(authorizeUrl(client.client_id, { challenge }));
  await signIn(page, "avarivera");
  await page.getByRole("button", { name: "Allow" }).click();
  const tokens = await (await exchangeCode(request, client.client_id, (await callbackParameters(page)).get("code")!, verifier)).json();

  const scenario = await request.post(`/api/sandbox/apps/${client.client_id}/scenarios`, { data: { scenario: "certificate-expired" } });
  expect(scenario.status()).toBe(200);

  const refused = await refresh(request, client.client_id, tokens.refresh_token);
  expect(refused.status()).toBe(400);
  const failure = await refused.json();
  expect(failure.error).toBe("invalid_grant");
  expect(failure.error_uri).toContain(`?client=${client.client_id}&tenant=${DEFAULT_TENANT_ID}`);

  // A fresh browser context: the patient opens the link from the app in a new tab, not signed in.
  await page.context().clearCookies();
  await page.goto(failure.error_uri);
  // Signed out, the page is private: no app, no patient, no changes.
  await expect(page.getByRole("heading", { name: "An app’s access to a health record was paused" })).toBeVisible();
  const signedOutHtml = await page.content();
  for (const secret of ["Ava", "Rivera", "Suspension Demo App", "certificate"]) expect(signedOutHtml).not.toContain(secret);
  await page.getByRole("link", { name: "Sign in to review" }).click();
  await signIn(page, "avarivera");
  await expect(page.getByRole("heading", { name: "Access for Suspension Demo App was paused" })).toBeVisible();
  await expect(page.getByRole("list", { name: "What changed" }).getByText("The app's security certificate has expired.")).toBeVisible();
  await expect(page.getByText("When you approved")).toBeVisible();
  await page.getByRole("button", { name: "Re-approve" }).click();
  await expect(page.getByRole("status")).toContainText("You can close this tab and go back to the app");

  const again = await refresh(request, client.client_id, tokens.refresh_token);
  expect(again.status()).toBe(200);
  expect(await again.json()).not.toHaveProperty("refresh_token");

  await page.goto(`/tenants/${DEFAULT_TENANT_ID}/personas/patient/my-authorizations`);
  const entry = page.getByTestId("authorization").filter({ hasText: "Suspension Demo App" });
  await expect(entry).toContainText("Active");
  await page.getByRole("button", { name: `Revoke Suspension Demo App ${client.client_id.slice(0, 4)}` }).click();
  // Revoke asks first; nothing has changed yet.
  await expect(page.getByRole("form", { name: `Confirm revoking Suspension Demo App ${client.client_id.slice(0, 4)}` })).toContainText(
    "Stop an unverified app at example.com from seeing your health record?",
  );
  await page.getByRole("button", { name: "Yes, revoke access" }).click();
  await expect(page.getByRole("status")).toContainText("Access revoked");
  const ended = page.getByTestId("authorization").filter({ hasText: "Suspension Demo App" });
  await expect(ended).toContainText("Revoked");
  await expect(ended.getByTestId("authorization-status")).toHaveText(/^Revoked by you on \d{1,2} \w+ \d{4}\.$/);

  const revoked = await refresh(request, client.client_id, tokens.refresh_token);
  expect(revoked.status()).toBe(400);
  const revokedBody = await revoked.json();
  expect(revokedBody.error).toBe("invalid_grant");
  await page.goto(revokedBody.error_uri);
  // Re-approved while its certificate had expired, the app is known to the patient only by its domain.
  await expect(page.getByRole("heading", { name: "Access for an unverified app at example.com has ended" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Re-approve" })).toHaveCount(0);
});

test("an error_uri with an unknown instance or a malformed URN is a 404 page for people", async ({ page }) => {
  const unknown = await page.goto(
    "/errors/urn%3Asmart-trust-sandbox%3Aerror%3Aoauth2%3Agrant%3Asuspended/instances/00000000-0000-0000-0000-000000000000",
  );
  expect(unknown!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find this page" })).toBeVisible();
  const malformed = await page.goto("/errors/%E0%A4%A/instances/nope");
  expect(malformed!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find this page" })).toBeVisible();
});
