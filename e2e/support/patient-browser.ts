// Drives the patient's side in the browser: sign in, pick a patient, consent; catches the redirect back
// to the (non-existent) QA app so the test can read the code from it.
import { expect, type Page } from "@playwright/test";
import { SANDBOX_PASSWORD_FOR_TESTS } from "./e2e-environment";

export async function interceptQaApp(page: Page): Promise<void> {
  await page.route("https://qa-app.example.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<h1>QA app callback</h1>" }),
  );
}

export async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(SANDBOX_PASSWORD_FOR_TESTS);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function callbackParameters(page: Page): Promise<URLSearchParams> {
  await page.waitForURL(/^https:\/\/qa-app\.example\.com\/callback/);
  await expect(page.getByRole("heading", { name: "QA app callback" })).toBeVisible();
  return new URL(page.url()).searchParams;
}
