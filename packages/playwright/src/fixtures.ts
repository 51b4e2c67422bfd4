// Playwright fixtures for the SMART Trust Sandbox:
//   sandbox        (worker)  a fresh tenant per worker (autoLogin on), deleted when the worker ends; reset after each test
//   newSandbox     (test)    more tenants for one test (isolation tests), deleted after it
//   app            (test)    a public client registered in that tenant, redirecting to a local redirect server
//   launch         (test)    a standalone launch — headless through the control API, or in the browser
//   patientSession (test)    a signed-in browser context for a username (signs in once per worker, then storageState)
import { randomBytes } from "node:crypto";
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import {
  SandboxControl,
  type ClientRegistration,
  type ClientRegistrationRequest,
  type CreateTenantOptions,
  type Grant,
  type Organization,
  type Tenant,
  type TenantAccount,
  type TenantPatient,
} from "./control-api.js";
import { AuthorizationManagerPage } from "./pages/authorization-manager-page.js";
import type { ConsentPage } from "./pages/consent-page.js";
import { LoginPage } from "./pages/login-page.js";
import { completePatientSteps } from "./pages/patient-flow.js";
import { startRedirectServer, type Callback, type RedirectServer } from "./redirect-server.js";
import { SmartClient } from "./smart-client.js";
import { QA_SCOPE, SANDBOX_PASSWORD, type TokenResponse } from "./types.js";

// ——— What the fixtures hand out ————————————————————————————————————————————————————————————————————

export interface SandboxTenant extends Tenant {
  /** The sandbox origin the control API was reached at. */
  baseURL: string;
  /** Control client scoped to this tenant. */
  control: SandboxControl;
  /** SMART client discovered from this tenant's FHIR base. */
  smart: SmartClient;
  /** The authorization manager's path (relative to baseURL). */
  managerPath: string;
  /** A seeded account by username; throws when the tenant has none. */
  account(username: string): TenantAccount;
  /** A seeded patient by id, or by (part of) its name, e.g. "Leo Chen"; throws when none matches. */
  patient(idOrName: string): TenantPatient;
}

export interface QaApp {
  clientId: string;
  clientName: string;
  redirectUri: string;
  scope: string;
  publicHostname: string;
  organization: Organization;
  registration: ClientRegistration;
  /** The local redirect server the app's redirect URI points at. */
  callbacks: RedirectServer;
  /** The tenant's SMART client (for this app: pass `clientId` / `redirectUri`). */
  smart: SmartClient;
}

export interface LaunchOptions {
  /** Default "avarivera". */
  username?: string;
  /** Patient id or name ("Leo Chen"); required for a proxy (mayachen). */
  patient?: string;
  /** Default: the app's registered scope. */
  scope?: string;
  /** Run the launch in Chromium with `login_hint` (auto-login) instead of headless through the control API. */
  browser?: boolean;
  /** With `browser`: drive this page (recommended: it shows up in the test's trace). Default: a new context. */
  page?: Page;
  /** With `browser`: adjust the consent before Allow (e.g. untick a scope). */
  consent?: (consent: ConsentPage) => Promise<void>;
}

export interface LaunchResult {
  tokens: TokenResponse;
  grant: Grant;
  /** Browser launches only: the authorization response the redirect server caught. */
  callback?: Callback;
  via: "headless" | "browser";
}

export type Launch = (options?: LaunchOptions) => Promise<LaunchResult>;

export interface PatientSession {
  username: string;
  context: BrowserContext;
  page: Page;
}

export type PatientSessionFactory = (username: string) => Promise<PatientSession>;
export type NewSandbox = (options?: CreateTenantOptions) => Promise<SandboxTenant>;

// ——— Options ——————————————————————————————————————————————————————————————————————————————————————

export interface SandboxWorkerOptions {
  /** The sandbox origin. Default: the project's `use.baseURL`, else `SANDBOX_URL`. */
  sandboxURL: string | undefined;
  /** Default: `SANDBOX_ADMIN_PASSWORD`. */
  sandboxAdminPassword: string | undefined;
  /** How the worker's tenant is created. Default `{ autoLogin: true }`. */
  sandboxTenant: CreateTenantOptions;
}

export interface SandboxTestOptions {
  /** Overrides of the `app` fixture's registration (client_name, scope, organization, baseline, …). */
  appRegistration: Partial<ClientRegistrationRequest>;
  /** Reset the worker's tenant after each test (apps, grants, activity, clock, settings). Default true. */
  sandboxResetAfterEach: boolean;
}

interface SandboxWorkerFixtures {
  sandbox: SandboxTenant;
  /** Lazily launched browser for `launch({browser:true})` without a page; never launched otherwise. */
  _sandboxLazyBrowser: () => Promise<Browser>;
  /** storageState per tenant+username, filled by `patientSession`. */
  _sandboxPatientStates: Map<string, Awaited<ReturnType<BrowserContext["storageState"]>>>;
}

interface SandboxTestFixtures {
  newSandbox: NewSandbox;
  app: QaApp;
  launch: Launch;
  patientSession: PatientSessionFactory;
  _sandboxResetAfterEach: void;
}

export const DEFAULT_ORGANIZATION: Organization = { name: "QA Health Inc.", country: "US", state: "CA", locality: "San Diego" };
export const DEFAULT_USERNAME = "avarivera";

// ——— Helpers ——————————————————————————————————————————————————————————————————————————————————————

function randomSuffix(): string {
  return randomBytes(4).toString("hex");
}

async function openTenant(control: SandboxControl, options: CreateTenantOptions): Promise<SandboxTenant> {
  const tenant = await control.createTenant(options);
  const scoped = control.forTenant(tenant.tenantId);
  let smart: SmartClient;
  try {
    smart = await SmartClient.discover(tenant.fhirBase);
  } catch (error) {
    await scoped.deleteTenant().catch(() => undefined);
    throw error;
  }
  return {
    ...tenant,
    baseURL: control.baseURL,
    control: scoped,
    smart,
    managerPath: AuthorizationManagerPage.path(tenant.tenantId),
    account(username) {
      const account = tenant.accounts.find((candidate) => candidate.username === username);
      if (!account)
        throw new Error(
          `tenant ${tenant.tenantId} has no account "${username}" (has ${tenant.accounts.map((a) => a.username).join(", ")})`,
        );
      return account;
    },
    patient(idOrName) {
      const wanted = idOrName.toLowerCase();
      const patient =
        tenant.patients.find((candidate) => candidate.id === idOrName) ??
        tenant.patients.find((candidate) => candidate.name.toLowerCase().includes(wanted));
      if (!patient)
        throw new Error(
          `tenant ${tenant.tenantId} has no patient "${idOrName}" (has ${tenant.patients.map((p) => `${p.name} [${p.id}]`).join(", ")})`,
        );
      return patient;
    },
  };
}

function resolveBaseURL(option: string | undefined, projectBaseURL: unknown): string {
  const url = option ?? (typeof projectBaseURL === "string" ? projectBaseURL : undefined) ?? process.env.SANDBOX_URL;
  if (!url) throw new Error("no sandbox URL: set `use: { baseURL }` in playwright.config.ts, the `sandboxURL` option, or SANDBOX_URL");
  return url;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ——— The fixtures ———————————————————————————————————————————————————————————————————————————————————

export const test = base.extend<SandboxTestOptions & SandboxTestFixtures, SandboxWorkerOptions & SandboxWorkerFixtures>({
  sandboxURL: [undefined, { scope: "worker", option: true }],
  sandboxAdminPassword: [process.env.SANDBOX_ADMIN_PASSWORD || undefined, { scope: "worker", option: true }],
  sandboxTenant: [{ autoLogin: true }, { scope: "worker", option: true }],
  appRegistration: [{}, { option: true }],
  sandboxResetAfterEach: [true, { option: true }],

  sandbox: [
    async ({ sandboxURL, sandboxAdminPassword, sandboxTenant }, use, workerInfo) => {
      const control = new SandboxControl({
        baseURL: resolveBaseURL(sandboxURL, workerInfo.project.use.baseURL),
        adminPassword: sandboxAdminPassword,
      });
      const tenant = await openTenant(control, { name: `QA worker ${workerInfo.workerIndex} ${randomSuffix()}`, ...sandboxTenant });
      await use(tenant);
      await tenant.control.deleteTenant();
    },
    { scope: "worker" },
  ],

  _sandboxLazyBrowser: [
    async ({ playwright, browserName, launchOptions }, use) => {
      let launched: Promise<Browser> | undefined;
      await use(() => (launched ??= playwright[browserName].launch(launchOptions)));
      if (launched) await (await launched).close();
    },
    { scope: "worker" },
  ],

  _sandboxPatientStates: [
    async ({}, use) => {
      await use(new Map());
    },
    { scope: "worker" },
  ],

  _sandboxResetAfterEach: [
    async ({ sandbox, sandboxResetAfterEach }, use) => {
      await use();
      if (sandboxResetAfterEach) await sandbox.control.reset();
    },
    { auto: true },
  ],

  newSandbox: async ({ sandbox }, use) => {
    const created: SandboxTenant[] = [];
    await use(async (options = {}) => {
      // The worker tenant's control client carries the sandbox URL and admin password; creating is not per tenant.
      const tenant = await openTenant(sandbox.control, { name: `QA extra ${randomSuffix()}`, autoLogin: true, ...options });
      created.push(tenant);
      return tenant;
    });
    for (const tenant of created) await tenant.control.deleteTenant().catch(() => undefined);
  },

  app: async ({ sandbox, appRegistration }, use) => {
    const callbacks = await startRedirectServer();
    try {
      const suffix = randomSuffix();
      const request: ClientRegistrationRequest = {
        client_name: `QA App ${suffix}`,
        redirect_uris: [callbacks.redirectUri],
        token_endpoint_auth_method: "none",
        scope: QA_SCOPE,
        organization: DEFAULT_ORGANIZATION,
        public_hostname: `qa-${suffix}.example.com`,
        ...appRegistration,
      };
      const registration = await sandbox.control.register(request);
      await use({
        clientId: registration.client_id,
        clientName: registration.client_name,
        redirectUri: callbacks.redirectUri,
        scope: registration.scope,
        publicHostname: registration.public_hostname ?? String(request.public_hostname ?? ""),
        organization: registration.organization ?? request.organization ?? DEFAULT_ORGANIZATION,
        registration,
        callbacks,
        smart: sandbox.smart,
      });
    } finally {
      await callbacks.close();
    }
  },

  launch: async ({ sandbox, app, _sandboxLazyBrowser, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      const username = options.username ?? DEFAULT_USERNAME;
      const patient = options.patient ? sandbox.patient(options.patient) : undefined;
      const scope = options.scope ?? app.scope;

      if (!options.browser) {
        const approved = await sandbox.control.grants.approve({
          client_id: app.clientId,
          username,
          patient: patient?.id,
          scope,
          issue: "tokens",
        });
        if (!approved.tokens) throw new Error(`POST …/grants {issue:"tokens"} answered no tokens: ${JSON.stringify(approved)}`);
        return { tokens: approved.tokens, grant: approved.grant, via: "headless" };
      }

      let page = options.page;
      if (!page) {
        const context = await (await _sandboxLazyBrowser()).newContext({ baseURL: baseURL ?? sandbox.baseURL });
        contexts.push(context);
        page = await context.newPage();
      }
      const request = app.smart.authorizeUrl({ clientId: app.clientId, redirectUri: app.redirectUri, scope, loginHint: username });
      await page.goto(request.url);
      await completePatientSteps(page, {
        username,
        password: sandbox.accounts.find((account) => account.username === username)?.password ?? SANDBOX_PASSWORD,
        patientName: patient ? new RegExp(escapeRegExp(patient.name)) : undefined,
        consent: options.consent,
      });
      const callback = await app.callbacks.waitForCallback({ state: request.state });
      if (callback.error || !callback.code) throw new Error(`the authorization response was an error: ${callback.url}`);
      const tokens = await app.smart.exchangeCode({
        clientId: app.clientId,
        code: callback.code,
        redirectUri: app.redirectUri,
        verifier: request.verifier,
      });
      // The token response does not name the grant: the newest active grant of this (test-scoped) app is it.
      const grants = await sandbox.control.grants.list({ client_id: app.clientId, status: "active" });
      const grant = grants
        .filter((candidate) => !tokens.patient || candidate.patientId === tokens.patient)
        .sort((a, b) => Date.parse(b.approvedAt) - Date.parse(a.approvedAt))[0];
      if (!grant) throw new Error(`no active grant of ${app.clientId} after the browser launch`);
      return { tokens, grant, callback, via: "browser" };
    });
    for (const context of contexts) await context.close();
  },

  patientSession: async ({ browser, sandbox, _sandboxPatientStates, contextOptions }, use) => {
    const sessions: BrowserContext[] = [];
    await use(async (username) => {
      const key = `${sandbox.tenantId}:${username}`;
      const options = { ...contextOptions, baseURL: sandbox.baseURL };
      let state = _sandboxPatientStates.get(key);
      let context = await browser.newContext(state ? { ...options, storageState: state } : options);
      sessions.push(context);
      // A cached session may be gone: it expires on the sandbox clock (8 h) and a tenant reset may end it.
      const probe = state ? await context.request.get(sandbox.managerPath, { maxRedirects: 0 }) : null;
      if (!probe || probe.status() !== 200) {
        if (state) {
          await context.close();
          context = await browser.newContext(options);
          sessions.push(context);
        }
        const page = await context.newPage();
        const login = new LoginPage(page);
        await login.goto(sandbox.tenantId);
        await login.signIn(username, sandbox.accounts.find((account) => account.username === username)?.password ?? SANDBOX_PASSWORD);
        await expect(new AuthorizationManagerPage(page).heading).toBeVisible();
        state = await context.storageState();
        _sandboxPatientStates.set(key, state);
        return { username, context, page };
      }
      return { username, context, page: await context.newPage() };
    });
    for (const context of sessions) await context.close().catch(() => undefined);
  },
});

export { expect };
