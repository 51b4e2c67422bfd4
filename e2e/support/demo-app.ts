// Drives the demo patient app: connect, sign in at Sandbox Health, approve, land on the record.
import { expect, type Page } from "@playwright/test";
import { signIn } from "./patient-browser";

export async function connectDemoApp(page: Page, username: string, patient?: RegExp): Promise<void> {
  await page.goto("/demo");
  await page.getByRole("button", { name: "Connect your health record" }).click();
  await signIn(page, username);
  if (patient) {
    await page.getByRole("radio", { name: patient }).check();
    await page.getByRole("button", { name: "Continue" }).click();
  }
  await expect(page.getByTestId("identity-block")).toContainText("MyHealth Demo");
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/demo\/record$/);
}
