// Raw HTTP and HAR, as a developer uses them: a confidential app goes through the real browser flow (the patient
// types the password), exchanges its code with its client secret, refreshes, is refused after a change, and tries a
// password grant. Every exchange is then readable in the console and as HAR — and no secret is on any page or in any
// export.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { authorizeUrl, pkcePair, QA_REDIRECT_URI, registerClient, TOKEN_URL } from "./support/smart-client";
import { DEFAULT_TENANT_ID, SANDBOX_PASSWORD_FOR_TESTS } from "./support/e2e-environment";
import { callbackParameters, interceptQaApp, signIn } from "./support/patient-browser";

const API = `/api/sandbox/tenants/${DEFAULT_TENANT_ID}`;

async function allowInBrowser(page: Page, clientId: string) {
  const { verifier, challenge } = pkcePair();
  await interceptQaApp(page);
  await page.goto(authorizeUrl(clientId, { challenge }));
  await signIn(page, "avarivera");
  await page.getByRole("button", { name: "Allow" }).click();
  const code = (await callbackParameters(page)).get("code")!;
  return { code, verifier };
}

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

const text = async (request: APIRequestContext, url: string) => {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return response.text();
};

test("no secret a client or patient sent appears on any page or in any export; each exchange is readable", async ({ page, request }) => {
  const app = await registerClient(request, { client_name: "Raw HTTP Secret App", token_endpoint_auth_method: "client_secret_basic" });
  const basic = `Basic ${Buffer.from(`${app.client_id}:${app.client_secret}`).toString("base64")}`;
  const { code, verifier } = await allowInBrowser(page, app.client_id);
  const issued = await request.post(TOKEN_URL, {
    headers: { authorization: basic },
    form: { grant_type: "authorization_code", code, redirect_uri: QA_REDIRECT_URI, code_verifier: verifier },
  });
  expect(issued.status()).toBe(200);
  const tokens = await issued.json();
  const grantId = (await (await request.get(`${API}/grants?client_id=${app.client_id}`)).json()).grants[0].id as string;
  expect((await request.post(`${API}/apps/${app.client_id}/scenarios`, { data: { scenario: "certificate-expired" } })).status()).toBe(200);
  const refused = await request.post(TOKEN_URL, {
    headers: { authorization: basic },
    form: { grant_type: "refresh_token", refresh_token: tokens.refresh_token },
  });
  expect(refused.status()).toBe(400);
  const password = await request.post(TOKEN_URL, {
    form: { grant_type: "password", username: "avarivera", password: SANDBOX_PASSWORD_FOR_TESTS, client_id: app.client_id },
  });
  expect(password.status()).toBe(400);
  const secrets = {
    clientSecret: app.client_secret!,
    basic,
    code,
    verifier,
    accessToken: tokens.access_token as string,
    refreshToken: tokens.refresh_token as string,
    password: SANDBOX_PASSWORD_FOR_TESTS,
  };

  // The refused refresh, in the console: request as sent (refresh token redacted), 400 with error_uri as answered.
  await page.goto(`/console/exchanges/${refused.headers()["x-correlation-id"]}`);
  await expect(page.getByTestId("raw-request")).toContainText("grant_type=refresh_token&refresh_token=[redacted]");
  await expect(page.getByTestId("raw-request")).toContainText("authorization: Basic [redacted]");
  await expect(page.getByTestId("raw-response")).toContainText("HTTP/1.1 400 Bad Request");
  await expect(page.getByTestId("raw-response")).toContainText('"error": "invalid_grant"');
  expect(await axeViolations(page)).toEqual([]);
  // On a phone the exchange wraps: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The grant's sequence diagram: each arrow opens its exchange; the HAR downloads from the same page.
  await page.goto(`/console/activity?grant=${grantId}`);
  await page.getByRole("link", { name: "400 invalid_grant + error_uri: raw HTTP exchange" }).click();
  await expect(page.getByTestId("raw-response")).toContainText("HTTP/1.1 400 Bad Request");
  await page.goto(`/console/activity?grant=${grantId}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download HAR" }).click()]);
  const har = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(har.log.version).toBe("1.2");
  const entries = har.log.entries as { request: { method: string; url: string }; response: { status: number; redirectURL: string } }[];
  expect(
    entries.map((entry) => `${entry.request.method} ${new URL(entry.request.url).pathname.split("/").pop()} ${entry.response.status}`),
  ).toEqual(["GET authorize 303", "POST decision 303", "POST token 200", "POST token 400"]);
  expect(entries[1].response.redirectURL).toMatch(/code=\[redacted\]&state=qa-state-123/);

  // Everything a person or a script can read back, with no secret in it.
  await page.goto("/console/exchanges");
  expect(await axeViolations(page)).toEqual([]);
  const pages: Record<string, string> = { "/console/exchanges": await page.content() };
  for (const path of [
    `/console/activity`,
    `/console/activity?grant=${grantId}`,
    `/console/grants/${grantId}/har`,
    `/console/activity-export`,
    `${API}/events/export`,
    `${API}/grants/${grantId}/har`,
    ...[issued, refused, password].flatMap((response) => [
      `/console/exchanges/${response.headers()["x-correlation-id"]}`,
      `${API}/exchanges/${response.headers()["x-correlation-id"]}`,
    ]),
  ])
    pages[path] = await text(request, path);
  for (const [path, body] of Object.entries(pages))
    for (const [name, secret] of Object.entries(secrets)) expect(body.includes(secret), `${name} in ${path}`).toBe(false);
});
