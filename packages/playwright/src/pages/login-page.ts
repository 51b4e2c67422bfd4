// The patient sign-in page: /tenants/{t}/personas/patient/login?next=…
// Names from pages/tenants/[tenant]/personas/patient/login.tsx and components/patient/login-form.tsx.
import { expect, type Locator, type Page } from "@playwright/test";
import { SANDBOX_PASSWORD } from "../types.js";

export class LoginPage {
  /** "Sign in to {tenant name}" — the tenant's name varies, so this matches any. */
  readonly heading: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly signInButton: Locator;
  /** A refused sign-in ("That username and password do not match…", or the lockout message). */
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: /^Sign in to / });
    this.username = page.getByLabel("Username", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.signInButton = page.getByRole("button", { name: "Sign in", exact: true });
    this.alert = page.getByRole("alert");
  }

  static path(tenantId: string, next?: string): string {
    return `/tenants/${encodeURIComponent(tenantId)}/personas/patient/login${next ? `?next=${encodeURIComponent(next)}` : ""}`;
  }

  /** Opens the sign-in page (relative to the context's baseURL). */
  async goto(tenantId: string, next?: string): Promise<void> {
    await this.page.goto(LoginPage.path(tenantId, next));
    await expect(this.heading).toBeVisible();
  }

  /** The heading for a given tenant name, e.g. "Sign in to Sandbox Health". */
  headingFor(tenantName: string): Locator {
    return this.page.getByRole("heading", { level: 1, name: `Sign in to ${tenantName}`, exact: true });
  }

  /** Fills the form and submits it. Does not wait for where it goes next. */
  async signIn(username: string, password: string = SANDBOX_PASSWORD): Promise<void> {
    await expect(this.heading).toBeVisible();
    await this.username.fill(username);
    await this.password.fill(password);
    await this.signInButton.click();
  }

  /** The one-click "Fill in {username}" button of the sandbox test accounts list. */
  testAccountButton(username: string): Locator {
    return this.page.getByRole("button", { name: `Fill in ${username}`, exact: true });
  }
}
