// What the patient sees must be true: private error pages, the granted scopes honoured by MyHealth, Stop using the
// app revoking at the server, an alarming change not defaulting to Re-approve, a phone-sized consent screen, no
// hydration errors in another time zone, accessibility, and patient pages that ship (almost) no JavaScript.
import AxeBuilder from "@axe-core/playwright";
import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { DEFAULT_TENANT_ID } from "./support/e2e-environment";
import { authorizeUrl, exchangeCode, pkcePair, refresh, registerClient } from "./support/smart-client";
import { callbackParameters, interceptQaApp, signIn } from "./support/patient-browser";

const MAX_PATIENT_PAGE_JS_GZIP = 30 * 1024;

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${page.url()} ${violation.id}: ${violation.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );
}

/** Every script the page loads (files and inline), gzip-compressed as a server would send it. */
async function javaScriptBytes(page: Page, load: () => Promise<unknown>): Promise<number> {
  const files: Promise<Buffer>[] = [];
  const listener = (response: import("@playwright/test").Response) => {
    if (response.request().resourceType() === "script") files.push(response.body());
  };
  page.on("response", listener);
  await load();
  page.off("response", listener);
  const inline = await page.locator("script:not([src])").evaluateAll((scripts) => scripts.map((script) => script.textContent ?? ""));
  const bodies = [...(await Promise.all(files)), ...inline.map((text) => Buffer.from(text))];
  return bodies.reduce((total, body) => total + gzipSync(body).length, 0);
}

/** A QA app authorized by a patient, then suspended by a scenario: its refresh answers invalid_grant + error_uri. */
async function suspendedGrant(page: Page, request: import("@playwright/test").APIRequestContext, scenario: string, username = "avarivera") {
  await interceptQaApp(page);
  const client = await registerClient(request, { client_name: "Truthful QA App" });
  const { verifier, challenge } = pkcePair();
  await page.goto(authorizeUrl(client.client_id, { challenge }));
  await signIn(page, username);
  // A person who manages several records picks one first (the first: their own).
  if (username === "mayachen") await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  const tokens = await (await exchangeCode(request, client.client_id, (await callbackParameters(page)).get("code")!, verifier)).json();
  expect((await request.post(`/api/sandbox/apps/${client.client_id}/scenarios`, { data: { scenario } })).status()).toBe(200);
  const refused = await (await refresh(request, client.client_id, tokens.refresh_token)).json();
  expect(refused.error).toBe("invalid_grant");
  await page.context().clearCookies();
  return { client, tokens, errorUri: refused.error_uri as string };
}

test.describe("what the patient sees is true", () => {
  test("an error_uri page shows nothing about the patient signed out or to someone else, and the review to the patient", async ({
    page,
    request,
  }) => {
    const { errorUri } = await suspendedGrant(page, request, "certificate-expired");
    const secrets = ["Ava", "Rivera", "Truthful QA App", "certificate", "example.com"];

    await page.goto(errorUri);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("An app’s access to a health record was paused");
    for (const secret of secrets) expect(await page.content()).not.toContain(secret);

    await page.getByRole("link", { name: "Sign in to review" }).click();
    await signIn(page, "samuelokafor");
    await expect(page.getByText("Your account does not manage this health record")).toBeVisible();
    for (const secret of secrets) expect(await page.content()).not.toContain(secret);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.goto(errorUri);
    await page.getByRole("link", { name: "Sign in to review" }).click();
    await signIn(page, "avarivera");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access for Truthful QA App was paused");
    await expect(page.getByTestId("what-changed")).toContainText("The app's security certificate has expired.");
    await expect(page.getByTestId("what-changed")).not.toContainText("fingerprint");
  });

  test("after the organization changed, Keep it paused comes first, a caution says why, and the changed fields are highlighted", async ({
    page,
    request,
  }) => {
    const { errorUri } = await suspendedGrant(page, request, "certificate-organization-changed");
    await page.goto(errorUri);
    await page.getByRole("link", { name: "Sign in to review" }).click();
    await signIn(page, "avarivera");
    await expect(page.getByTestId("review-caution")).toContainText("Keep it paused unless you know why this changed");
    const buttons = page.getByRole("button", { name: /^(Re-approve|Keep it paused|Revoke access)$/ });
    await expect(buttons).toHaveText(["Keep it paused", "Re-approve", "Revoke access"]);
    await expect(page.getByRole("button", { name: "Keep it paused" })).toHaveClass(/bg-brand-600/);
    const now = page.getByTestId("identity-block").nth(1);
    await expect(now.locator(".bg-yellow-200")).not.toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Keep it paused" }).click();
    await expect(page.getByRole("status")).toContainText("Access stays paused");
  });

  test("MyHealth shows only what was shared, and says what the patient chose not to share", async ({ page }) => {
    await page.goto("/demo");
    await page.getByRole("button", { name: "Connect your health record" }).click();
    await signIn(page, "avarivera");
    await page.getByRole("checkbox", { name: /Your medications/ }).uncheck();
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page).toHaveURL(/\/demo\/record$/);
    await expect(page.getByTestId("patient-banner")).toContainText("Ava Rivera");
    await expect(page.getByRole("region", { name: "Allergies" })).not.toContainText("not to share");
    await expect(page.getByTestId("not-shared-medications")).toContainText("You chose not to share your medications with MyHealth.");
    await expect(page.getByTestId("not-shared-medications").getByRole("button", { name: "Change this" })).toBeVisible();
    await expect(page.getByTestId("connection-scope")).not.toContainText("MedicationRequest");
  });

  test("consent refuses Allow when everything optional was unticked, with a message", async ({ page, request }) => {
    await interceptQaApp(page);
    const client = await registerClient(request);
    await page.goto(authorizeUrl(client.client_id, { challenge: pkcePair().challenge }));
    await signIn(page, "avarivera");
    for (const box of await page.getByRole("checkbox", { disabled: false }).all()) await box.uncheck();
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page.getByRole("alert")).toContainText("You unticked everything the app asked to see");
    await expect(page.getByRole("button", { name: "Allow" })).toBeVisible();
  });

  test("Stop using the app revokes at the server: the grant is revoked and the manager says so in the past tense", async ({
    page,
    request,
  }) => {
    await page.goto("/demo");
    await page.getByRole("button", { name: "Connect your health record" }).click();
    await signIn(page, "samuelokafor");
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page).toHaveURL(/\/demo\/record$/);
    await page.getByRole("button", { name: "Stop using the app" }).click();
    await expect(page.getByRole("status")).toContainText("It gave up its access at your patient portal");

    const { grants } = await (await request.get(`/api/sandbox/tenants/${DEFAULT_TENANT_ID}/grants?client_id=demo-patient-app`)).json();
    expect(grants[0]).toMatchObject({ status: "revoked", revokedReason: "the app revoked its refresh token" });

    // Still signed in at the portal from connecting.
    await page.goto(`/tenants/${DEFAULT_TENANT_ID}/personas/patient/my-authorizations`);
    await expect(page.getByTestId("authorization-status").first()).toContainText(/^Ended on \d{1,2} \w+ \d{4}: the app gave up its access/);
  });

  test("the consent screen fits a phone (390×844) without sideways scrolling", async ({ browser, request }) => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const client = await registerClient(request, { client_name: "An App With A Rather Long Name For A Small Screen" });
    await phone.goto(authorizeUrl(client.client_id, { challenge: pkcePair().challenge }));
    await signIn(phone, "mayachen");
    await phone.getByRole("button", { name: "Continue" }).click();
    await expect(phone.getByRole("button", { name: "Allow" })).toBeVisible();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.close();
  });

  test("/demo/record in another time zone than the server has no console errors (no hydration mismatch)", async ({ browser }) => {
    const context = await browser.newContext({ timezoneId: "Pacific/Kiritimati", locale: "de-DE" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto("/demo");
    await page.getByRole("button", { name: "Connect your health record" }).click();
    await signIn(page, "avarivera");
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page.getByTestId("token-countdown")).toContainText("expires in");
    await page.reload();
    await expect(page.getByTestId("token-countdown")).toContainText("expires in");
    expect(errors).toEqual([]);
    await context.close();
  });

  test("every patient page ships at most 30 kB of JavaScript (gzip) and passes axe", async ({ page, request }) => {
    const { client, errorUri } = await suspendedGrant(page, request, "dns-txt-removed", "mayachen");
    const measured: Record<string, number> = {};
    const check = async (name: string, load: () => Promise<unknown>) => {
      measured[name] = await javaScriptBytes(page, load);
      await expectNoSeriousA11yViolations(page);
    };
    await check("error_uri signed out", () => page.goto(errorUri));
    await check("login", () => page.goto(authorizeUrl(client.client_id, { challenge: pkcePair().challenge })));
    await expect(page.getByTestId("app-asking")).toContainText("An unverified app at example.com is asking to connect");
    await signIn(page, "mayachen");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a health record");
    await check("patient picker", () => page.reload());
    await expect(page.getByText("An unverified app at example.com wants to connect")).toBeVisible();
    await page.getByRole("radio", { name: /Leo Chen/ }).check();
    await check("consent", () => page.getByRole("button", { name: "Continue" }).click());
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Allow an unverified app at example.com to access Leo Chen's health record?",
    );
    await check("error_uri review", () => page.goto(errorUri));
    await check("manager", () => page.goto(`/tenants/${DEFAULT_TENANT_ID}/personas/patient/my-authorizations`));
    await check("manager, confirming a revoke", () =>
      page
        .getByRole("button", { name: /^Revoke / })
        .first()
        .click(),
    );
    for (const [name, bytes] of Object.entries(measured))
      expect(bytes, `${name}: ${bytes} bytes of JavaScript (gzip)`).toBeLessThanOrEqual(MAX_PATIENT_PAGE_JS_GZIP);
    test.info().annotations.push({ type: "javascript (gzip bytes)", description: JSON.stringify(measured) });
  });

  test("every unknown URL is a styled 404 page with a favicon", async ({ page }) => {
    for (const path of ["/no-such-page", "/console/apps/no-such-app", `/tenants/${DEFAULT_TENANT_ID}/personas/patient/no-such-page`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find this page");
      await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /favicon\.svg/);
    }
    expect((await page.request.get("/favicon.svg")).headers()["content-type"]).toContain("image/svg+xml");
  });

  test("a cross-site form post to a patient page changes nothing", async ({ page, request }) => {
    const { client, tokens } = await suspendedGrant(page, request, "certificate-expired");
    const { grants } = await (await request.get(`/api/sandbox/tenants/${DEFAULT_TENANT_ID}/grants?client_id=${client.client_id}`)).json();
    await page.goto(`/tenants/${DEFAULT_TENANT_ID}/personas/patient/my-authorizations`);
    await signIn(page, "avarivera");
    // Signed in (the page's cookies go along), but posted from another site.
    const response = await page.request.post(`/tenants/${DEFAULT_TENANT_ID}/personas/patient/my-authorizations`, {
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      data: `action=revoke&grant=${grants[0].id}&csrf=guess`,
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toContain("result=expired-form");
    expect((await (await refresh(request, client.client_id, tokens.refresh_token)).json()).error).toBe("invalid_grant");
    const after = await (await request.get(`/api/sandbox/tenants/${DEFAULT_TENANT_ID}/grants?client_id=${client.client_id}`)).json();
    expect(after.grants[0].status).toBe("suspended");
  });

  test("a hostile web page that auto-submits a Revoke form to the manager changes nothing", async ({ page, request }) => {
    const { client } = await suspendedGrant(page, request, "certificate-expired");
    const { grants } = await (await request.get(`/api/sandbox/tenants/${DEFAULT_TENANT_ID}/grants?client_id=${client.client_id}`)).json();
    await page.goto(`/tenants/${DEFAULT_TENANT_ID}/personas/patient/my-authorizations`);
    await signIn(page, "avarivera");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Apps with access to your health records");
    // The patient, still signed in, visits another site in the same browser; it posts a form at the sandbox.
    const manager = new URL(`/tenants/${DEFAULT_TENANT_ID}/personas/patient/my-authorizations`, page.url()).toString();
    await page.route("https://evil.example/**", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<form id="f" method="post" action="${manager}"><input name="action" value="revoke"><input name="grant" value="${grants[0].id}"><input name="csrf" value="guess"></form><script>document.getElementById("f").submit()</script>`,
      }),
    );
    await page.goto("https://evil.example/free-prize");
    // SameSite=Lax keeps the session cookie off a cross-site POST, and the Origin is refused: at most a sign-in page.
    await page.waitForURL((url) => url.origin !== "https://evil.example");
    const after = await (await request.get(`/api/sandbox/tenants/${DEFAULT_TENANT_ID}/grants?client_id=${client.client_id}`)).json();
    expect(after.grants[0].status).toBe("suspended");
  });

  test("sign-in, the manager and the review fit a phone (390×844) without sideways scrolling", async ({ browser, request }) => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const { errorUri } = await suspendedGrant(phone, request, "certificate-organization-changed");
    const fits = () => phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await phone.goto(errorUri);
    await phone.getByRole("link", { name: "Sign in to review" }).click();
    expect(await fits(), "sign-in").toBe(true);
    await signIn(phone, "avarivera");
    await expect(phone.getByTestId("review-caution")).toBeVisible();
    expect(await fits(), "review").toBe(true);
    await phone.goto(`/tenants/${DEFAULT_TENANT_ID}/personas/patient/my-authorizations`);
    await phone
      .getByRole("button", { name: /^Revoke / })
      .first()
      .click();
    await expect(phone.getByRole("button", { name: "Yes, revoke access" })).toBeVisible();
    expect(await fits(), "manager, confirming").toBe(true);
    await phone.close();
  });
});
