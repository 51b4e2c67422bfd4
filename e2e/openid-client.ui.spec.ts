// panva's openid-client v6, a strict OpenID Connect relying party, against the sandbox: discovery of the issuer
// named by SMART discovery, code flow with PKCE S256, state, nonce and RFC 9207 `iss`, id_token checks (claims and
// signature), refresh, introspection and revocation. The browser only plays the patient.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import * as oidc from "openid-client";
import { DEFAULT_TENANT_ID, FHIR_BASE_URL } from "./support/e2e-environment";
import { approveAsPatient, registerInteropApp } from "./support/support-interop";

const REDIRECT_URI = "http://127.0.0.1:38917/cb";
const SCOPE = "openid fhirUser offline_access launch/patient patient/Patient.read";
const AVA = { username: "avarivera", sub: "person-ava-rivera", patient: "ava-rivera", fhirUser: `${FHIR_BASE_URL}/Patient/ava-rivera` };

async function issuerOf(request: APIRequestContext): Promise<URL> {
  const response = await request.get(`${FHIR_BASE_URL}/.well-known/smart-configuration`);
  expect(response.status()).toBe(200);
  return new URL(((await response.json()) as { issuer: string }).issuer);
}

async function discover(issuer: URL, clientId: string, clientAuth: oidc.ClientAuth): Promise<oidc.Configuration> {
  const config = await oidc.discovery(issuer, clientId, undefined, clientAuth, {
    execute: [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks],
  });
  expect(config.serverMetadata()).toMatchObject({ issuer: issuer.href, authorization_response_iss_parameter_supported: true });
  expect(config.serverMetadata().supportsPKCE("S256")).toBe(true);
  return config;
}

/** The patient signs in and allows in Chromium; the loopback redirect is caught there and handed to the library. */
async function authorizeAsAva(page: Page, config: oidc.Configuration, clientName: string) {
  const pkceCodeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(pkceCodeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    aud: FHIR_BASE_URL,
  });
  await page.route(
    (requested) => requested.href.startsWith(REDIRECT_URI),
    (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Loopback callback</h1>" }),
  );
  await page.goto(url.href);
  await approveAsPatient(page, AVA.username, clientName);
  await page.waitForURL((current) => current.href.startsWith(`${REDIRECT_URI}?`));
  const callback = new URL(page.url());
  expect(callback.searchParams.get("iss")).toBe(config.serverMetadata().issuer);
  return oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier, expectedState: state, expectedNonce: nonce });
}

async function refusalOf(attempt: Promise<unknown>): Promise<oidc.ResponseBodyError> {
  const outcome = await attempt.then(
    () => null,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(oidc.ResponseBodyError);
  return outcome as oidc.ResponseBodyError;
}

test.describe("openid-client v6 as the relying party", () => {
  // The library checks id_token `exp` against the real clock, the sandbox signs with its own.
  test.beforeEach(async ({ request }) => {
    await request.post("/api/sandbox/clock", { data: { reset: true } });
  });

  test("confidential client (client_secret_basic): discovery, code + PKCE + state + nonce, a verified id_token, refresh, introspection", async ({
    page,
    request,
  }) => {
    const clientName = "Interop OIDC Confidential App";
    const app = await registerInteropApp(request, {
      clientName,
      redirectUri: REDIRECT_URI,
      tokenEndpointAuthMethod: "client_secret_basic",
      scope: SCOPE,
      publicHostname: "oidc-confidential.interop-app.example.com",
    });
    expect(app.client_secret).toEqual(expect.any(String));
    const issuer = await issuerOf(request);
    const config = await discover(issuer, app.client_id, oidc.ClientSecretBasic(app.client_secret!));

    const tokens = await authorizeAsAva(page, config, clientName);
    expect(tokens).toMatchObject({ token_type: "bearer", scope: SCOPE, patient: AVA.patient });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(tokens.claims()).toMatchObject({ iss: issuer.href, aud: app.client_id, sub: AVA.sub, fhirUser: AVA.fhirUser });

    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.refresh_token).toBeUndefined();
    expect(refreshed.claims()).toMatchObject({ sub: AVA.sub, fhirUser: AVA.fhirUser });

    const patient = await oidc.fetchProtectedResource(
      config,
      refreshed.access_token,
      new URL(`${FHIR_BASE_URL}/Patient/${AVA.patient}`),
      "GET",
    );
    expect(patient.status).toBe(200);
    expect(await patient.json()).toMatchObject({ resourceType: "Patient", id: AVA.patient });

    expect(await oidc.tokenIntrospection(config, refreshed.access_token)).toMatchObject({
      active: true,
      client_id: app.client_id,
      scope: SCOPE,
      sub: AVA.sub,
      patient: AVA.patient,
      aud: FHIR_BASE_URL,
      iss: issuer.href,
    });
    expect(await oidc.tokenIntrospection(config, tokens.refresh_token!)).toMatchObject({ active: true, client_id: app.client_id });
  });

  test("public client (none): code + PKCE, refresh, RFC 7009 revocation of the refresh token, then the next refresh is invalid_grant", async ({
    page,
    request,
  }) => {
    const clientName = "Interop OIDC Public App";
    const app = await registerInteropApp(request, {
      clientName,
      redirectUri: REDIRECT_URI,
      tokenEndpointAuthMethod: "none",
      scope: SCOPE,
      publicHostname: "oidc-public.interop-app.example.com",
    });
    expect(app.client_secret).toBeUndefined();
    const config = await discover(await issuerOf(request), app.client_id, oidc.None());

    const tokens = await authorizeAsAva(page, config, clientName);
    expect(tokens.claims()).toMatchObject({ aud: app.client_id, sub: AVA.sub, fhirUser: AVA.fhirUser });
    const refreshToken = tokens.refresh_token!;
    expect(refreshToken).toEqual(expect.any(String));
    expect((await oidc.refreshTokenGrant(config, refreshToken)).access_token).toEqual(expect.any(String));

    await oidc.tokenRevocation(config, refreshToken, { token_type_hint: "refresh_token" });

    const refused = await refusalOf(oidc.refreshTokenGrant(config, refreshToken));
    expect(refused).toMatchObject({ status: 400, error: "invalid_grant" });
    const errorUri = String(refused.cause.error_uri);
    expect(errorUri).toContain(`?client=${app.client_id}&tenant=${DEFAULT_TENANT_ID}`);
    expect(decodeURIComponent(new URL(errorUri).pathname)).toContain("urn:smart-trust-sandbox:error:oauth2:grant:revoked");
  });
});
