// Walks the patient's side of an authorize request in the browser, whatever the tenant shows first:
// sign-in (unless auto-login signed the patient in), the patient picker (for a proxy), then consent.
import { expect, type Page } from "@playwright/test";
import { SANDBOX_PASSWORD } from "../types.js";
import { ConsentPage } from "./consent-page.js";
import { LoginPage } from "./login-page.js";
import { PatientPickerPage } from "./patient-picker-page.js";

export interface PatientStepsOptions {
  username: string;
  password?: string;
  /** The record to pick when the picker shows (its display name, e.g. "Leo Chen"). */
  patientName?: string | RegExp;
  /** Adjust the consent (e.g. untick a scope) before the decision. */
  consent?: (consent: ConsentPage) => Promise<void>;
  /** Default "allow". */
  decision?: "allow" | "deny";
}

/** From an authorize URL already opened in `page` to the decision; the redirect back is the caller's to catch. */
export async function completePatientSteps(page: Page, options: PatientStepsOptions): Promise<void> {
  const login = new LoginPage(page);
  const picker = new PatientPickerPage(page);
  const consent = new ConsentPage(page);

  await expect(login.heading.or(picker.heading).or(consent.heading)).toBeVisible();
  if (await login.heading.isVisible()) {
    await login.signIn(options.username, options.password ?? SANDBOX_PASSWORD);
    await expect(picker.heading.or(consent.heading)).toBeVisible();
  }
  if (await picker.heading.isVisible()) {
    if (!options.patientName) throw new Error(`${options.username} manages several records: say which one (patientName)`);
    await picker.choose(options.patientName);
  }
  await expect(consent.heading).toBeVisible();
  if (options.consent) await options.consent(consent);
  if (options.decision === "deny") await consent.deny();
  else await consent.allow();
}
