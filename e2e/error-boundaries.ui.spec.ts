// Every audience's pages fail readably: with SANDBOX_ERROR_DRILL=1 (set for this run) each segment has a page that
// fails on purpose, and each shows its error boundary — a message, a reference, a way back — never a stack trace.
import { expect, test } from "@playwright/test";
import { DEFAULT_TENANT_ID } from "./support/e2e-environment";

const SEGMENTS = [
  { audience: "console", path: "/console/error-drill", heading: "The console could not show this page", back: "Console home" },
  { audience: "demo app", path: "/demo/error-drill", heading: "MyHealth ran into a problem", back: "MyHealth home" },
  { audience: "home", path: "/error-drill", heading: "The sandbox's home page could not be shown", back: "Developer console" },
  {
    audience: "patient pages",
    path: `/tenants/${DEFAULT_TENANT_ID}/personas/patient/error-drill`,
    heading: "Something went wrong on our side",
    back: "Sandbox home",
  },
];

for (const segment of SEGMENTS) {
  test(`a failing ${segment.audience} page shows its error boundary with a reference, not a stack trace`, async ({ page }) => {
    const response = await page.goto(segment.path);
    expect(response?.status()).toBe(500);
    const boundary = page.getByTestId("segment-error");
    await expect(boundary.getByRole("heading", { level: 1 })).toHaveText(segment.heading);
    await expect(boundary.getByTestId("error-reference")).toHaveText(/^[\w-]{6,}$/);
    await expect(boundary.getByRole("link", { name: segment.back })).toBeVisible();
    const text = await page.locator("body").innerText();
    expect(text).not.toMatch(/error drill|ErrorDrill|\bat \S+ \(|\.tsx?:\d+/);
  });
}
