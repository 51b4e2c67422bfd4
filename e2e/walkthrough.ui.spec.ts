// The presenter's walkthrough: the whole suspension story clicked through in Chromium with the ✓ marks appearing by
// themselves; the same story driven by a script through the control API; MyHealth next to a naive app; axe.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { connectDemoApp } from "./support/demo-app";
import { TOKEN_URL } from "./support/smart-client";
import { DEFAULT_TENANT_ID, FHIR_BASE_URL } from "./support/e2e-environment";
import { signIn } from "./support/patient-browser";

const STEPS = ["connect", "approve", "read", "change", "refresh", "refused", "notice", "reapprove", "try-again"] as const;
const DEMO_CLIENT = "demo-patient-app";

async function resetStory(page: Page) {
  await page.goto("/walkthrough");
  await page.getByRole("button", { name: "Reset story" }).click();
  await expect(page.getByRole("status")).toContainText("The story starts afresh");
  for (const step of STEPS) await expect(page.getByTestId(`step-${step}`)).toHaveAttribute("data-done", "false");
}

const ticked = (page: Page, step: (typeof STEPS)[number]) =>
  expect(page.getByTestId(`step-${step}`)).toHaveAttribute("data-done", "true", { timeout: 10_000 });

test.describe("presenter walkthrough", () => {
  test("the whole story, clicked through, ticks every step by itself", async ({ page, context }) => {
    await resetStory(page);
    const app = await context.newPage();
    // The story as the presenter clicks it, timed from "Reset story" to "Try again works" (README, Performance).
    const started = Date.now();
    await connectDemoApp(app, "avarivera");
    await expect(app.getByRole("heading", { name: /Ava Rivera/ })).toBeVisible();
    await page.getByLabel("The change at MyHealth's server").selectOption("certificate-expired");
    await page.getByRole("button", { name: "Make this change" }).click();
    await expect(page.getByRole("status")).toContainText("Changed at MyHealth's server: certificate-expired");
    await app.getByRole("button", { name: "Refresh now" }).click();
    await expect(app.getByTestId("access-problem")).toBeVisible();
    // MyHealth says how the refresh went, and keeps its Connection panel (greyed, no Refresh now).
    await expect(app.getByRole("dialog").getByTestId("try-again-result")).toContainText(
      /Refused at \d\d:\d\d:\d\d UTC\. If you re-approved/,
    );
    await expect(app.getByTestId("last-refresh")).toContainText("refused (invalid_grant)");
    await expect(app.getByTestId("connection-panel").getByRole("button", { name: "Refresh now" })).toHaveCount(0);
    // The developer drawer: the exact refused request (no refresh token in it) and the 400 with its correlation id.
    await app.getByRole("dialog").getByRole("button", { name: "Close" }).click();
    await app.getByText("What happened? (for developers)").click();
    const drawer = app.getByTestId("what-happened");
    await expect(drawer).toContainText("grant_type=refresh_token&refresh_token=[redacted]&client_id=demo-patient-app");
    await expect(drawer).toContainText("HTTP 400");
    await expect(drawer).toContainText('"error":"invalid_grant"');
    await expect(drawer.getByRole("link", { name: "This exchange in the sandbox console" })).toHaveAttribute(
      "href",
      /correlation=[0-9a-f-]{36}$/,
    );
    // Step 8: More information opens the exact error_uri; the patient (signed in, in the app's tab) re-approves.
    const errorUri = await app.getByTestId("access-problem").getByRole("link", { name: "More information" }).getAttribute("href");
    await app.goto(errorUri!);
    await app.getByRole("button", { name: "Re-approve" }).click();
    await expect(app.getByRole("status")).toContainText("Access is active again");
    await app.goto("/demo/record");
    await app.getByRole("dialog").getByRole("button", { name: "Try again" }).click();
    await expect(app.getByRole("heading", { name: /Ava Rivera/ })).toBeVisible();
    console.log(`walkthrough: Reset story → Try again works, clicked by Playwright: ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Every step ticked itself on the walkthrough (it re-reads the activity log every second).
    for (const step of STEPS) await ticked(page, step);
    await expect(page.getByRole("heading", { name: "The story — complete" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Open the portal's page for this error/ })).toHaveAttribute("href", errorUri!);
    await expect(page.frameLocator('iframe[title="MyHealth"]').getByText("Refresh now")).toBeVisible();

    const diagram = page.getByTestId("sequence-diagram");
    for (const label of ["sign in (avarivera)", "Allow (verified app)", "code → tokens", "world changed: certificate-expired"])
      await expect(diagram).toContainText(label);
    await expect(diagram).toContainText("refresh_token request");
    await expect(diagram).toContainText("400 invalid_grant + error_uri");
    await expect(diagram).toContainText(/\d+ FHIR reads → 200/);
    await expect(diagram).toContainText("Re-approve");

    // Under the diagram, the story's latest token request as sent and answered; every arrow opens its exchange.
    await expect(page.getByTestId("latest-exchange")).toContainText("POST …/smart-v1/token → 200");
    await expect(page.getByTestId("latest-exchange").getByTestId("raw-request")).toContainText("refresh_token=[redacted]");
    const [refusedExchange] = await Promise.all([
      context.waitForEvent("page"),
      page.getByRole("link", { name: "400 invalid_grant + error_uri: raw HTTP exchange" }).click(),
    ]);
    await expect(refusedExchange.getByTestId("raw-response")).toContainText("HTTP/1.1 400 Bad Request");
    await expect(refusedExchange.getByTestId("raw-response")).toContainText('"error_uri"');
    // The story's grant as HAR: valid JSON with the refused refresh in it.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download HAR" }).click()]);
    const har = JSON.parse(await readFile((await download.path())!, "utf8"));
    const refusedEntry = har.log.entries.find((entry: { response: { status: number } }) => entry.response.status === 400);
    expect(refusedEntry.request.postData.text).toContain("grant_type=refresh_token&refresh_token=[redacted]");
    expect(JSON.parse(refusedEntry.response.content.text)).toMatchObject({ error: "invalid_grant" });
  });

  test("steps a script does through the control API tick too", async ({ page, request }) => {
    await resetStory(page);
    const approved = await request.post(`/api/sandbox/tenants/${DEFAULT_TENANT_ID}/grants`, {
      data: { client_id: DEMO_CLIENT, username: "avarivera", issue: "tokens" },
    });
    expect(approved.status()).toBe(201);
    const { grant, tokens } = await approved.json();
    const read = await request.get(`${FHIR_BASE_URL}/Patient/${tokens.patient}`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(read.status()).toBe(200);
    expect(
      (
        await request.post(`/api/sandbox/apps/${DEMO_CLIENT}/scenarios`, { data: { scenario: "certificate-organization-changed" } })
      ).status(),
    ).toBe(200);
    const refused = await request.post(TOKEN_URL, {
      form: { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: DEMO_CLIENT },
    });
    expect(refused.status()).toBe(400);
    expect((await request.post(`/api/sandbox/tenants/${DEFAULT_TENANT_ID}/grants/${grant.id}/reapprove`)).status()).toBe(200);
    const again = await request.post(TOKEN_URL, {
      form: { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: DEMO_CLIENT },
    });
    expect(again.status()).toBe(200);

    for (const step of STEPS) await ticked(page, step);
    await expect(page.getByRole("heading", { name: "The story — complete" })).toBeVisible();

    // The story's activity as JSON Lines, from the control API and from the console: the refused refresh is in it,
    // the refresh token is not.
    for (const url of [
      `/api/sandbox/tenants/${DEFAULT_TENANT_ID}/events/export?client=${DEMO_CLIENT}`,
      `/console/activity-export?app=${DEMO_CLIENT}`,
    ]) {
      const exported = await request.get(url);
      expect(exported.status()).toBe(200);
      const text = await exported.text();
      expect(text).not.toContain(tokens.refresh_token);
      const types = text
        .trimEnd()
        .split("\n")
        .map((line) => (JSON.parse(line) as { type: string }).type);
      expect(types).toEqual(expect.arrayContaining(["grant.created", "token.failed", "grant.reapproved", "token.refreshed"]));
    }
  });

  test("a naive app next to MyHealth: the same refused refresh, a generic error instead of the recommended notice", async ({
    page,
    context,
  }) => {
    await resetStory(page);
    const app = await context.newPage();
    await connectDemoApp(app, "avarivera");
    await page.goto("/walkthrough?compare=naive");
    await page.getByLabel("The change at MyHealth's server").selectOption("dns-txt-removed");
    await page.getByRole("button", { name: "Make this change" }).click();
    await ticked(page, "change");
    await app.getByRole("button", { name: "Refresh now" }).click();
    await expect(app.getByTestId("access-problem")).toBeVisible();
    await ticked(page, "refused");

    await page.goto("/walkthrough?compare=naive");
    const recommended = page.frameLocator('iframe[title="MyHealth"]');
    const naive = page.frameLocator('iframe[title="A naively built app"]');
    await expect(
      recommended.getByRole("heading", { name: "Access to your health record may have been suspended or revoked" }),
    ).toBeVisible();
    await expect(recommended.getByRole("link", { name: "More information" }).first()).toHaveAttribute("href", /\/errors\//);
    await expect(naive.getByTestId("naive-failure")).toContainText("Something went wrong");
    await expect(naive.getByRole("link", { name: "More information" })).toHaveCount(0);
    // The audience sees the refused refresh arrive next to the banners, as sent and answered.
    await expect(page.getByTestId("latest-exchange")).toContainText("POST …/smart-v1/token → 400");
    await expect(page.getByTestId("latest-exchange").getByTestId("raw-response")).toContainText('"error": "invalid_grant"');
    // The walkthrough with the exchange shown, and the naive view on its own (framed, the two views' landmarks would repeat).
    for (const checked of [page, app]) {
      if (checked === app) await app.goto("/demo/record?view=naive");
      const results = await new AxeBuilder({ page: checked }).exclude("iframe").analyze();
      expect(
        results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
      ).toEqual([]);
    }
  });

  test("the walkthrough passes axe, and says what to do when nothing has happened yet", async ({ page }) => {
    await resetStory(page);
    await expect(page.getByText("MyHealth is not connected yet.")).toBeVisible();
    await expect(page.getByTestId("step-connect")).toHaveAttribute("aria-current", "step");
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
    ).toEqual([]);
  });
});

test("the patient re-approves from the walkthrough's link even when signed out first", async ({ page, context }) => {
  // The error_uri page asks a signed-out patient to sign in, then shows the review (the story does not depend on a session).
  await resetStory(page);
  const app = await context.newPage();
  await connectDemoApp(app, "avarivera");
  await page.getByLabel("The change at MyHealth's server").selectOption("certificate-expired");
  await page.getByRole("button", { name: "Make this change" }).click();
  await app.getByRole("button", { name: "Refresh now" }).click();
  await ticked(page, "refused");
  const errorUri = await page.getByRole("link", { name: /Open the portal's page for this error/ }).getAttribute("href");
  const fresh = await context.browser()!.newContext();
  const patient = await fresh.newPage();
  await patient.goto(errorUri!);
  await patient.getByRole("link", { name: "Sign in to review" }).click();
  await signIn(patient, "avarivera");
  await patient.getByRole("button", { name: "Re-approve" }).click();
  await ticked(page, "reapprove");
  await fresh.close();
});

test("after a revocation, MyHealth's Try again says the access has ended", async ({ page, context, request }) => {
  await resetStory(page);
  const app = await context.newPage();
  await connectDemoApp(app, "avarivera");
  const grants = await (
    await request.get(`/api/sandbox/tenants/${DEFAULT_TENANT_ID}/grants?client_id=${DEMO_CLIENT}&status=active`)
  ).json();
  expect(grants.grants).toHaveLength(1);
  expect((await request.post(`/api/sandbox/tenants/${DEFAULT_TENANT_ID}/grants/${grants.grants[0].id}/revoke`)).status()).toBe(200);
  await app.getByRole("button", { name: "Refresh now" }).click();
  await app.getByRole("dialog").getByRole("button", { name: "Try again" }).click();
  await expect(app.getByRole("dialog").getByTestId("try-again-result")).toContainText("this access has ended");
});
