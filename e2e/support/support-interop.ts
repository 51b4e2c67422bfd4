// Shared by the interop specs, where a third-party SMART/OIDC client library plays the app: register it as a
// throwaway app on a loopback redirect URI, and walk the patient through sign-in and consent in Chromium.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./patient-browser";
import { registerClient, type RegisteredClient } from "./smart-client";

export interface InteropApp {
  clientName: string;
  redirectUri: string;
  tokenEndpointAuthMethod: "none" | "client_secret_basic";
  scope: string;
  /** The host the trust checks look at: a loopback redirect URI has no domain to rehearse as. */
  publicHostname: string;
}

export async function registerInteropApp(request: APIRequestContext, app: InteropApp): Promise<RegisteredClient> {
  return registerClient(request, {
    client_name: app.clientName,
    redirect_uris: [app.redirectUri],
    token_endpoint_auth_method: app.tokenEndpointAuthMethod,
    scope: app.scope,
    public_hostname: app.publicHostname,
  });
}

/** From the sandbox's sign-in page to the redirect back to the app, for a patient who manages only their own record. */
export async function approveAsPatient(page: Page, username: string, clientName: string): Promise<void> {
  await expect(page.getByRole("heading", { name: "Sign in to Sandbox Health" })).toBeVisible();
  await signIn(page, username);
  await expect(page.getByRole("heading", { name: `Allow ${clientName} to access your health record?` })).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
}

export async function applyScenario(request: APIRequestContext, clientId: string, scenario: string): Promise<void> {
  const response = await request.post(`/api/sandbox/apps/${clientId}/scenarios`, { data: { scenario } });
  expect(response.status()).toBe(200);
}
