// The page behind an error_uri: /errors/{urn}/instances/{id}?client=…&tenant=…
// For a suspended or revoked grant it is the grant review (components/patient/grant-review.tsx):
// signed out (or signed in as someone else) — private: a generic heading and "Sign in to review", no patient,
// no app, no changes; signed in as someone who manages the patient — the app, "What changed", then-vs-now
// identity blocks, "Re-approve", "Keep it paused", "Revoke access".
import { expect, type Locator, type Page } from "@playwright/test";
import { SANDBOX_PASSWORD } from "../types.js";
import { LoginPage } from "./login-page.js";
import { REVIEW_MESSAGES } from "./review-messages.js";

export class ErrorUriPage {
  /** The page's h1 (e.g. "Access for X was paused" / "has ended" / "is active", or another error's title). */
  readonly heading: Locator;
  readonly whatChangedHeading: Locator;
  /** The sentences under "What changed" (only while the grant is suspended). */
  readonly changes: Locator;
  /** "When you approved (…)" and "Now" identity blocks, in that order. */
  readonly identityBlocks: Locator;
  readonly signInToReviewLink: Locator;
  readonly reapproveButton: Locator;
  readonly keepPausedButton: Locator;
  readonly revokeAccessButton: Locator;
  /** The outcome of the last action (role="status"). */
  readonly status: Locator;
  /** "Signed in as {display name}" — present only when signed in. */
  readonly signedInAs: Locator;
  readonly signOutButton: Locator;
  /** "Your account does not manage this health record, so you cannot change this access." */
  readonly cannotManage: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.whatChangedHeading = page.getByRole("heading", { level: 2, name: "What changed", exact: true });
    this.changes = page.getByRole("list", { name: "What changed" }).getByRole("listitem");
    this.identityBlocks = page.getByTestId("identity-block");
    this.signInToReviewLink = page.getByRole("link", { name: "Sign in to review", exact: true });
    this.reapproveButton = page.getByRole("button", { name: "Re-approve", exact: true });
    this.keepPausedButton = page.getByRole("button", { name: "Keep it paused", exact: true });
    this.revokeAccessButton = page.getByRole("button", { name: "Revoke access", exact: true });
    this.status = page.getByRole("status");
    this.signedInAs = page.getByText(/^Signed in as /);
    this.signOutButton = page.getByRole("button", { name: "Sign out", exact: true });
    this.cannotManage = page.getByText("Your account does not manage this health record", { exact: false });
  }

  /** Opens an error_uri as a browser would (absolute URL). */
  async open(errorUri: string): Promise<void> {
    await this.page.goto(errorUri);
    await expect(this.heading).toBeVisible();
  }

  /** The signed-out view of a suspended grant: nothing about the patient or the app. */
  get privatePausedHeading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: "An app\u2019s access to a health record was paused", exact: true });
  }

  /** The signed-out view of a revoked grant. */
  get privateEndedHeading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: "An app\u2019s access to a health record has ended", exact: true });
  }

  pausedHeading(appName: string): Locator {
    return this.page.getByRole("heading", { level: 1, name: `Access for ${appName} was paused`, exact: true });
  }

  endedHeading(appName: string): Locator {
    return this.page.getByRole("heading", { level: 1, name: `Access for ${appName} has ended`, exact: true });
  }

  activeHeading(appName: string): Locator {
    return this.page.getByRole("heading", { level: 1, name: `Access for ${appName} is active`, exact: true });
  }

  /** The text of every "What changed" sentence. */
  async changeSentences(): Promise<string[]> {
    return (await this.changes.allTextContents()).map((text) => text.trim());
  }

  /** From the signed-out view: "Sign in to review", sign in, and come back to this page signed in. */
  async signInToReview(username: string, password: string = SANDBOX_PASSWORD): Promise<void> {
    await this.signInToReviewLink.click();
    await new LoginPage(this.page).signIn(username, password);
    await expect(this.signedInAs).toBeVisible();
  }

  async reapprove(): Promise<void> {
    await this.reapproveButton.click();
    await expect(this.status).toContainText(REVIEW_MESSAGES.reapproved);
  }

  async keepPaused(): Promise<void> {
    await this.keepPausedButton.click();
    await expect(this.status).toContainText(REVIEW_MESSAGES["kept-paused"]);
  }

  async revokeAccess(): Promise<void> {
    await this.revokeAccessButton.click();
    await expect(this.status).toContainText(REVIEW_MESSAGES.revoked);
  }
}
