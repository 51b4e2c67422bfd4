import { expect, test } from "@playwright/test";
import { FHIR_BASE_URL } from "./support/e2e-environment";

test.describe("landing page", () => {
  test("shows the default tenant's FHIR base and SMART discovery URL with copy buttons", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "SMART Trust Sandbox" })).toBeVisible();
    await expect(page.getByText(`${FHIR_BASE_URL}/.well-known/smart-configuration`, { exact: true })).toBeVisible();
    await expect(page.getByText(FHIR_BASE_URL, { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Copy SMART discovery URL" })).toBeVisible();
  });

  test("lists the three test accounts", async ({ page }) => {
    await page.goto("/");
    for (const username of ["avarivera", "mayachen", "samuelokafor"]) {
      await expect(page.getByText(username, { exact: true })).toBeVisible();
    }
  });

  test("every link on the page leads somewhere that answers", async ({ page, request }) => {
    await page.goto("/");
    const hrefs = await page.locator("main a[href^='/']").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect((await request.get(href)).status(), href).toBeLessThan(400);
    }
  });
});
