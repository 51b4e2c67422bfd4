import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { connectDemoApp } from "./support/demo-app";
import { signIn } from "./support/patient-browser";

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("MyHealth demo app", () => {
  test.afterEach(async ({ request }) => {
    await request.post("/api/sandbox/apps/demo-patient-app/scenarios", { data: { scenario: "restore-baseline" } });
    await request.post("/api/sandbox/clock", { data: { reset: true } });
  });

  test("Connect → sign in → Allow → the dashboard shows the seeded patient's record", async ({ page }) => {
    await page.goto("/demo");
    await expectNoSeriousA11yViolations(page);
    await connectDemoApp(page, "avarivera");
    await expect(page.getByTestId("patient-banner")).toContainText("Ava Rivera");
    await expect(page.getByTestId("patient-banner")).not.toContainText("proxy");
    await expect(page.getByRole("region", { name: "Medications" })).toContainText("albuterol");
    await expect(page.getByRole("region", { name: "Allergies" })).toContainText("Allergy to penicillin");
    await expect(page.getByRole("img", { name: /^Heart rate:/ })).toBeVisible();
    await expect(page.getByTestId("token-countdown")).toContainText("expires in");
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: "test-results/demo-record.png", fullPage: true });
  });

  test("certificate expiry suspends access; the patient re-approves on the error_uri page; Try again brings the record back", async ({
    page,
    request,
  }) => {
    await connectDemoApp(page, "samuelokafor");
    await request.post("/api/sandbox/apps/demo-patient-app/scenarios", { data: { scenario: "certificate-expired" } });
    await request.post("/api/sandbox/clock", { data: { advance: "PT10M" } });
    await page.getByRole("button", { name: "Refresh now" }).click();

    const dialog = page.getByRole("dialog", { name: "MyHealth lost access to your record" });
    await expect(dialog).toBeVisible();
    await expect(page.getByRole("heading", { name: "Access to your health record may have been suspended or revoked" })).toBeAttached();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: "test-results/demo-suspended.png", fullPage: true });

    const failures = await (await request.get("/api/sandbox/events?client=demo-patient-app&type=token.failed&limit=1")).json();
    const errorUri = failures[0].payload.errorUri;
    const moreInformation = dialog.getByRole("link", { name: /More information/ });
    await expect(moreInformation).toHaveAttribute("href", errorUri);
    await expect(moreInformation).toHaveAttribute("target", "_blank");
    await expect(moreInformation).toHaveAttribute("rel", "noopener noreferrer");

    const [portal] = await Promise.all([page.context().waitForEvent("page"), moreInformation.click()]);
    await expect(portal.getByRole("heading", { name: "Access for MyHealth Demo was paused" })).toBeVisible();
    // Still signed in to the portal from the authorization in this browser, so the review is right there.
    await portal.getByRole("button", { name: "Re-approve" }).click();
    await expect(portal.getByRole("status")).toContainText("You can close this tab");
    await portal.close();

    await dialog.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByTestId("patient-banner")).toContainText("Samuel Okafor");
    await expect(page.getByTestId("last-refresh")).toContainText("succeeded");
  });

  test("Re-authorize starts a new authorization; Stop using the app forgets the tokens", async ({ page, request }) => {
    await connectDemoApp(page, "avarivera");
    await request.post("/api/sandbox/apps/demo-patient-app/scenarios", { data: { scenario: "dns-txt-removed" } });
    await page.getByRole("button", { name: "Refresh now" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await request.post("/api/sandbox/apps/demo-patient-app/scenarios", { data: { scenario: "restore-baseline" } });
    await page.getByRole("button", { name: "Re-authorize" }).click();
    await expect(page.getByRole("button", { name: "Allow" })).toBeVisible();
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page.getByTestId("patient-banner")).toContainText("Ava Rivera");

    await page.getByRole("button", { name: "Stop using the app" }).click();
    await expect(page.getByRole("status")).toContainText("You stopped using MyHealth");
    expect((await page.context().cookies()).some((cookie) => cookie.name.includes("session-token"))).toBe(false);
    await page.goto("/demo/record");
    await expect(page).toHaveURL(/\/demo$/);
  });

  test("Deny brings the patient back to MyHealth with a plain explanation", async ({ page }) => {
    await page.goto("/demo");
    await page.getByRole("button", { name: "Connect your health record" }).click();
    await signIn(page, "avarivera");
    await page.getByRole("button", { name: "Deny" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "You chose not to connect MyHealth" })).toContainText(
      "You can connect it whenever you like",
    );
    await expect(page.locator("main")).not.toContainText("OAuthCallbackError");
  });

  test("the proxy parent sees her child's record with a banner saying so", async ({ page }) => {
    await connectDemoApp(page, "mayachen", /Leo Chen/);
    await expect(page.getByTestId("patient-banner")).toContainText("Leo Chen");
    await expect(page.getByTestId("patient-banner")).toContainText("as their proxy");
  });
});
