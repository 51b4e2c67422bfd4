import { expect, test } from "@playwright/test";
import { exchangeCode, pkcePair, refresh, QA_REDIRECT_URI, QA_SCOPES, authorizeUrl } from "./support/smart-client";
import { callbackParameters, interceptQaApp, signIn } from "./support/patient-browser";

test.describe("developer console", () => {
  test("register an app, authorize as a patient, expire its certificate in the trust lab, see the suspension in activity", async ({
    page,
    request,
  }) => {
    await page.goto("/console/apps");
    await page.getByLabel("App name").fill("Console Registered App");
    await page.getByLabel(/Redirect URIs/).fill(QA_REDIRECT_URI);
    await page.getByLabel("Scopes").fill(QA_SCOPES);
    await page.getByLabel("Organization name").fill("Console Health LLC");
    await page.getByLabel("Country").fill("US");
    await page.getByLabel("State").fill("KS");
    await page.getByLabel("Locality").fill("Wichita");
    await page.getByRole("button", { name: "Register app" }).click();
    const registered = page.getByRole("status");
    await expect(registered).toContainText("Registered Console Registered App");
    const clientId = (await registered.locator("code").first().textContent())!;

    await interceptQaApp(page);
    const { verifier, challenge } = pkcePair();
    await page.goto(authorizeUrl(clientId, { challenge }));
    await signIn(page, "samuelokafor");
    await expect(page.getByTestId("identity-block")).toContainText("Console Health LLC");
    await page.getByRole("button", { name: "Allow" }).click();
    const tokens = await (await exchangeCode(request, clientId, (await callbackParameters(page)).get("code")!, verifier)).json();

    await page.goto(`/console/apps/${clientId}`);
    await expect(page.getByTestId("prediction-certificate-expired")).toHaveText(
      "This will suspend 1 active offline grant at their next refresh under the current policy.",
    );
    await page.getByRole("button", { name: "Apply certificate-expired" }).click();
    await expect(page.getByRole("status")).toContainText("Applied certificate-expired");
    await expect(page.getByText("certificate.expired", { exact: false }).first()).toBeVisible();

    const refused = await refresh(request, clientId, tokens.refresh_token);
    expect((await refused.json()).error).toBe("invalid_grant");

    await page.goto(`/console/activity?app=${clientId}`);
    await expect(page.getByTestId("timeline")).toContainText("grant.suspended");
    await page.getByTestId("timeline").getByRole("link", { name: "grant" }).first().click();
    const diagram = page.getByTestId("sequence-diagram");
    await expect(diagram).toContainText("Allow");
    await expect(diagram).toContainText("world changed: certificate-expired");
    await expect(diagram).toContainText("grant suspended");
    await expect(diagram).toContainText("400 invalid_grant");

    await page.goto(`/console/grants?app=${clientId}`);
    const grant = page.getByTestId("grant");
    await expect(grant).toContainText("Paused (suspended)");
    await grant.getByRole("button", { name: "Reinstate" }).click();
    await expect(page.getByRole("status")).toContainText("reinstated");
    expect((await refresh(request, clientId, tokens.refresh_token)).status()).toBe(200);
  });

  test("the register form explains a bad redirect URI next to the field and saves nothing", async ({ page }) => {
    await page.goto("/console/apps");
    await page.getByLabel("App name").fill("Bad Redirect App");
    await page.getByLabel(/Redirect URIs/).fill("http://insecure.example.com/cb");
    await page.getByRole("button", { name: "Register app" }).click();
    await expect(page.locator("#redirect_uris-error")).toContainText("only localhost and 127.0.0.1 may use http");
    await expect(page.getByLabel(/Redirect URIs/)).toHaveAttribute("aria-describedby", "redirect_uris-error");
    await page.goto("/console/apps");
    await expect(page.getByText("Bad Redirect App")).toHaveCount(0);
  });

  test("a register form with an error keeps what was typed", async ({ page }) => {
    await page.goto("/console/apps");
    await page.getByLabel("App name").fill("Keeps Input App");
    await page.getByLabel(/Redirect URIs/).fill("ftp://nope.example.com/cb");
    await page.getByRole("button", { name: "Register app" }).click();
    await expect(page.locator("#redirect_uris-error")).toBeVisible();
    await expect(page.getByLabel("App name")).toHaveValue("Keeps Input App");
  });

  test("the clock advances by 30 days and resets", async ({ page }) => {
    await page.goto("/console/clock");
    await page.getByRole("button", { name: "+30 days" }).click();
    await expect(page.getByText(/30 day\(s\) 0 hour\(s\) ahead of real time/)).toBeVisible();
    await page.getByRole("button", { name: "Reset to real time" }).click();
    await expect(page.getByText("Real time.")).toBeVisible();
  });

  test("settings save per tenant, with per-field errors", async ({ page, request }) => {
    await page.goto("/console/settings");
    await page.getByLabel("Suspension policy").selectOption("identity");
    await page.getByLabel("Access token lifetime (seconds)").fill("10");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.locator("#accessTokenLifetimeSeconds-error")).toBeVisible();
    expect((await (await request.get("/api/sandbox/settings")).json()).suspensionPolicy).toBe("strict");
    await page.getByLabel("Access token lifetime (seconds)").fill("570");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Saved")).toBeVisible();
    expect((await (await request.get("/api/sandbox/settings")).json()).suspensionPolicy).toBe("identity");
    await request.patch("/api/sandbox/settings", { data: { suspensionPolicy: "strict" } });
  });

  test("Check my app explains a URI it cannot probe, and refuses a local address as a patient-facing host", async ({ page }) => {
    await page.goto("/console/check");
    await page.getByLabel("Redirect URI (https)").fill("http://localhost:3000/callback");
    await page.getByLabel("Client id").fill("demo-patient-app");
    await page.getByRole("button", { name: "Check my app" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "is not an https URI" })).toBeVisible();
    await page.getByLabel("Redirect URI (https)").fill("https://127.0.0.1:9/callback");
    await page.getByRole("button", { name: "Check my app" }).click();
    const report = page.getByTestId("readiness-report");
    await expect(report).toContainText("Not ready: patients would see “Unknown App”.");
    await expect(report).toContainText("Fix: Use a redirect URI on a domain name you own instead of 127.0.0.1");
  });
});
