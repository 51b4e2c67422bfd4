// The patient picker for a person who may act for several patients (a proxy):
// /tenants/{t}/personas/patient/authorize/{requestId} before a record is chosen.
// Names from pages/tenants/[tenant]/personas/patient/authorize/[requestId].tsx and
// components/patient/patient-picker.tsx.
import { expect, type Locator, type Page } from "@playwright/test";

export class PatientPickerPage {
  readonly heading: Locator;
  /** The fieldset "Whose health record should the app see?". */
  readonly group: Locator;
  readonly continueButton: Locator;
  /** "Choose one of the records below." after an invalid choice. */
  readonly problem: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Choose a health record", exact: true });
    this.group = page.getByRole("group", { name: "Whose health record should the app see?" });
    this.continueButton = page.getByRole("button", { name: "Continue", exact: true });
    this.problem = page.getByRole("alert");
  }

  /**
   * One record's radio. Its accessible name is "{Given} {Family} Born {birthDate} · {relationship}", so a
   * substring such as "Leo Chen" or a RegExp works.
   */
  patient(name: string | RegExp): Locator {
    return this.group.getByRole("radio", { name });
  }

  /** Picks a record and continues to the consent screen. */
  async choose(name: string | RegExp): Promise<void> {
    await expect(this.heading).toBeVisible();
    await this.patient(name).check();
    await this.continueButton.click();
  }
}
