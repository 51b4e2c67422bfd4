import { expect, test } from "@playwright/test";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { DEFAULT_TENANT_ID, E2E_BASE_URL, FHIR_BASE_URL } from "./support/e2e-environment";
import { authorizeUrl, exchangeCode, pkcePair, registerClient } from "./support/smart-client";
import { callbackParameters, interceptQaApp, signIn } from "./support/patient-browser";

test.describe("authorization as a new user would walk it", () => {
  test("proxy parent picks her child, unticks one scope, allows; every token claim checks out", async ({ page, request }) => {
    await interceptQaApp(page);
    const client = await registerClient(request);
    const { verifier, challenge } = pkcePair();
    await page.goto(authorizeUrl(client.client_id, { challenge }));

    await expect(page.getByRole("heading", { name: /Sign in to Sandbox Health/ })).toBeVisible();
    await signIn(page, "mayachen");

    await expect(page.getByRole("heading", { name: "Choose a health record" })).toBeVisible();
    await page.getByRole("radio", { name: /Leo Chen/ }).check();
    await page.getByRole("button", { name: "Continue" }).click();

    await expect(page.getByRole("heading", { name: "Allow QA Throwaway App to access Leo Chen's health record?" })).toBeVisible();
    const identity = page.getByTestId("identity-block");
    await expect(identity).toContainText("QA Health Inc.");
    await expect(identity).toContainText("US, CA, San Diego");
    await expect(identity).toContainText("example.com");
    await expect(page.getByRole("checkbox", { name: /Leo Chen.s lab results and vital signs/ })).toBeChecked();
    await page.getByRole("checkbox", { name: /Leo Chen.s medications/ }).uncheck();
    await page.getByRole("button", { name: "Allow" }).click();

    const callback = await callbackParameters(page);
    expect(callback.get("state")).toBe("qa-state-123");
    const response = await exchangeCode(request, client.client_id, callback.get("code")!, verifier);
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(response.headers()["pragma"]).toBe("no-cache");
    const body = await response.json();
    const granted = "launch/patient openid fhirUser offline_access patient/Patient.read patient/Observation.read";
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 570, scope: granted, patient: "leo-chen", need_patient_banner: true });
    expect(body.refresh_token).toEqual(expect.any(String));
    expect(body.smart_style_url).toMatch(/^http/);

    expect(decodeProtectedHeader(body.access_token)).toMatchObject({ alg: "ES256" });
    const claims = decodeJwt(body.access_token);
    expect(claims).toMatchObject({
      aud: FHIR_BASE_URL,
      client_id: client.client_id,
      scope: granted,
      patient: "leo-chen",
      sub: "person-maya-chen",
    });
    expect(claims.iss).toBe(`${E2E_BASE_URL}/tenants/${DEFAULT_TENANT_ID}/oidc/idsps/${DEFAULT_TENANT_ID}/`);
    expect(claims.exp! - claims.iat!).toBe(570);
    expect(claims.jti).toEqual(expect.any(String));

    expect(decodeProtectedHeader(body.id_token)).toMatchObject({ alg: "RS256" });
    expect(decodeJwt(body.id_token)).toMatchObject({
      aud: client.client_id,
      sub: "person-maya-chen",
      fhirUser: `${FHIR_BASE_URL}/Patient/maya-chen`,
    });

    const replay = await exchangeCode(request, client.client_id, callback.get("code")!, verifier);
    expect(replay.status()).toBe(400);
    expect((await replay.json()).error).toBe("invalid_grant");
  });

  test("Deny sends the app access_denied with the state", async ({ page, request }) => {
    await interceptQaApp(page);
    const client = await registerClient(request);
    await page.goto(authorizeUrl(client.client_id, { challenge: pkcePair().challenge, state: "deny-state" }));
    await signIn(page, "avarivera");
    await expect(page.getByRole("heading", { name: /access your health record/ })).toBeVisible();
    await page.getByRole("button", { name: "Deny" }).click();
    const callback = await callbackParameters(page);
    expect(callback.get("error")).toBe("access_denied");
    expect(callback.get("state")).toBe("deny-state");
    expect(callback.get("error_uri")).toContain("/errors/");
  });

  test("the consent screen shows Unknown App with the reasons after dns-txt-removed", async ({ page, request }) => {
    const client = await registerClient(request);
    await request.post(`/api/sandbox/apps/${client.client_id}/scenarios`, { data: { scenario: "dns-txt-removed" } });
    await page.goto(authorizeUrl(client.client_id, { challenge: pkcePair().challenge }));
    await signIn(page, "avarivera");
    const identity = page.getByTestId("identity-block");
    await expect(identity).toContainText("Unknown App");
    await expect(identity).not.toContainText("QA Health Inc.");
    // Named by its domain, never by the name it chose; that name is only what it "calls itself".
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Allow an unverified app at example.com to access your health record?",
    );
    await expect(identity).toContainText("Calls itself “QA Throwaway App”");
    await identity.getByText("Why?").click();
    await expect(identity).toContainText("The app's website does not confirm that this app belongs to it.");
  });

  test("login and consent pages cannot be framed and are not cached", async ({ page, request }) => {
    const client = await registerClient(request);
    const response = await page.goto(authorizeUrl(client.client_id, { challenge: pkcePair().challenge }));
    expect(response!.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response!.headers()["cache-control"]).toContain("no-store");
  });
});
