// The consent screen: /tenants/{t}/personas/patient/authorize/{requestId} once a record is chosen.
// Names from pages/tenants/[tenant]/personas/patient/authorize/[requestId].tsx,
// components/patient/consent-form.tsx and components/patient/identity-block.tsx.
import { expect, type Locator, type Page } from "@playwright/test";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export class ConsentPage {
  /** "Allow {app name | Unknown App} to access {your | Leo Chen's} health record?" */
  readonly heading: Locator;
  /** The app's identity block (verified name, organization, location, website; or "Unknown App" + "Why?"). */
  readonly identityBlock: Locator;
  /** The fieldset "The app is asking to see". */
  readonly requested: Locator;
  readonly allowButton: Locator;
  readonly denyButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: /^Allow .+ to access .+ health record\?$/ });
    // No role or accessible name on the block: the test id is the only stable handle (identity-block.tsx:9).
    this.identityBlock = page.getByTestId("identity-block");
    this.requested = page.getByRole("group", { name: "The app is asking to see" });
    this.allowButton = page.getByRole("button", { name: "Allow", exact: true });
    this.denyButton = page.getByRole("button", { name: "Deny", exact: true });
  }

  /** The exact heading for an app and whose record: `whose` is "your" (default) or e.g. "Leo Chen's". */
  headingFor(appName: string, whose = "your"): Locator {
    return this.page.getByRole("heading", { level: 1, name: `Allow ${appName} to access ${whose} health record?`, exact: true });
  }

  /**
   * A resource scope's checkbox. Its accessible name is the plain-language label followed by the scope, e.g.
   * "Your medications patient/MedicationRequest.read", so either part (or a RegExp) finds it.
   */
  scope(labelOrScope: string | RegExp): Locator {
    const name = typeof labelOrScope === "string" ? new RegExp(escapeRegExp(labelOrScope)) : labelOrScope;
    return this.requested.getByRole("checkbox", { name });
  }

  /** Unticks one resource scope by its label ("Your medications") or its scope string. */
  async untick(labelOrScope: string | RegExp): Promise<void> {
    await this.scope(labelOrScope).uncheck();
  }

  async allow(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await this.allowButton.click();
  }

  async deny(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await this.denyButton.click();
  }
}
