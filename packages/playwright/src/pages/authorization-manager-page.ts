// The patient's authorization manager (SMART management_endpoint): /tenants/{t}/personas/patient/my-authorizations
// Names from pages/tenants/[tenant]/personas/patient/my-authorizations/index.tsx and components/patient/authorization-list.tsx.
import { expect, type Locator, type Page } from "@playwright/test";
import { REVIEW_MESSAGES } from "./review-messages.js";

export class AuthorizationManagerPage {
  readonly heading: Locator;
  /** Every app entry, all records. Each is a list item named "{app name} {first 4 of client_id}". */
  readonly entries: Locator;
  readonly status: Locator;
  readonly signedInAs: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Apps with access to your health records", exact: true });
    this.entries = page.getByTestId("authorization");
    this.status = page.getByRole("status");
    this.signedInAs = page.getByText(/^Signed in as /);
  }

  static path(tenantId: string): string {
    return `/tenants/${encodeURIComponent(tenantId)}/personas/patient/my-authorizations`;
  }

  /** Opens the manager (relative to the context's baseURL); the context must be signed in. */
  async goto(tenantId: string): Promise<void> {
    await this.page.goto(AuthorizationManagerPage.path(tenantId));
    await expect(this.heading).toBeVisible();
  }

  /** One health record's section, e.g. "Leo Chen" (its name is "{Given} {Family} {your record | as parent}"). */
  record(patientName: string | RegExp): Locator {
    return this.page.getByRole("region", { name: patientName });
  }

  /**
   * The entries of one app (by its registered client_name, also for an unverified app, which the page names by its
   * domain), across records unless scoped with `within`.
   */
  entry(appName: string, within: Locator | Page = this.page): Locator {
    return within.getByRole("listitem", { name: new RegExp(`^${escapeRegExp(appName)} \\S{4}$`) });
  }

  /** The past-tense status line of an entry ("Revoked by you on 29 November 2026.", "Will end the next time…"). */
  statusLine(appName: string, within?: Locator): Locator {
    return this.entry(appName, within).getByTestId("authorization-status");
  }

  /** The Revoke button of an entry, by its accessible name "Revoke {app name} {first 4 of client_id}". */
  revokeButton(appName: string, clientId?: string, within: Locator | Page = this.page): Locator {
    return within.getByRole("button", {
      name: clientId ? `Revoke ${appName} ${clientId.slice(0, 4)}` : new RegExp(`^Revoke ${escapeRegExp(appName)} \\S{4}$`),
    });
  }

  /** "Yes, revoke access": the confirmation the Revoke button asks for. */
  readonly confirmRevokeButton = () => this.page.getByRole("button", { name: "Yes, revoke access", exact: true });

  /** Revokes an app's access (its only entry, or the one inside `within`): Revoke, then confirm, and waits for the outcome. */
  async revoke(appName: string, within?: Locator): Promise<void> {
    const entry = this.entry(appName, within);
    await expect(entry).toHaveCount(1);
    await this.revokeButton(appName, undefined, entry).click();
    await this.confirmRevokeButton().click();
    await expect(this.status).toContainText(REVIEW_MESSAGES.revoked);
  }

  /** "Review and re-approve" (suspended entries only) → the grant review page. */
  async openReview(appName: string, within?: Locator): Promise<void> {
    await this.entry(appName, within).getByRole("link", { name: "Review and re-approve", exact: true }).click();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
