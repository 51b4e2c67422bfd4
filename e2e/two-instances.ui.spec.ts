// A team deployment: two instances of the same build behind one public URL on one PostgreSQL database behave as
// one sandbox — the clock, codes, sign-ins and suspensions are shared, and a race across instances suspends once.
import { expect, test } from "@playwright/test";
import { databaseKind } from "../lib/config/environment";
import { E2E_BASE_URL, E2E_DATABASE_URL, E2E_PORT, SANDBOX_PASSWORD_FOR_TESTS } from "./support/e2e-environment";
import { startInstance, type Instance } from "./support/start-instance";

const A = E2E_BASE_URL;
const B = `http://localhost:${E2E_PORT + 2}`;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

test.skip(
  databaseKind(E2E_DATABASE_URL) !== "postgresql",
  "two instances on one database are tested on PostgreSQL (the e2e run with E2E_DATABASE_URL=postgresql://…)",
);

let instanceB: Instance;
test.beforeAll(async () => {
  // Same build, same database, same PUBLIC_URL (as behind a load balancer); only the port differs.
  instanceB = await startInstance(E2E_PORT + 2, { PUBLIC_URL: A });
});
test.afterAll(() => {
  instanceB.stop();
});

async function call(origin: string, method: string, route: string, body?: unknown): Promise<Json> {
  const response = await fetch(`${origin}${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${method} ${origin}${route}`).toBeLessThan(300);
  return response.json();
}

async function tenantWithApp() {
  const tenant = await call(A, "POST", "/api/sandbox/tenants", {});
  const oauth = `/tenants/${tenant.tenantId}/protocols/oauth2/profiles/smart-v1`;
  const app = await call(A, "POST", `${oauth}/register`, {
    client_name: "Two Instances App",
    redirect_uris: ["https://two-instances.example.com/cb"],
    token_endpoint_auth_method: "none",
    scope: "launch/patient openid fhirUser offline_access patient/Patient.read",
    organization: { name: "Two Instances Inc.", country: "US", state: "MO", locality: "Kansas City" },
  });
  const token = (origin: string, fields: Record<string, string>) =>
    fetch(`${origin}${oauth}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: app.client_id, ...fields }),
    });
  return { tenant, app, control: `/api/sandbox/tenants/${tenant.tenantId}`, token };
}

test("the clock moved and a setting changed on A apply on B at once, and a code issued by A is exchanged at B; its replay at A revokes the grant everywhere", async () => {
  const { app, control, token } = await tenantWithApp();
  await call(A, "POST", `${control}/clock`, { advance: "P1D" });
  expect((await call(B, "GET", `${control}/clock`)).offsetSeconds).toBe(86_400);
  await call(A, "PATCH", `${control}/settings`, { errorDescription: true });
  expect(await (await token(B, { grant_type: "refresh_token", refresh_token: "unknown" })).json()).toHaveProperty("error_description");

  const {
    code,
    code_verifier: verifier,
    redirect_uri: redirectUri,
  } = await call(A, "POST", `${control}/grants`, { client_id: app.client_id, username: "avarivera", issue: "code" });
  const exchanged = await token(B, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: redirectUri });
  expect(exchanged.status).toBe(200);
  const tokens = await exchanged.json();
  expect((await token(A, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: redirectUri })).status).toBe(400);
  expect((await token(B, { grant_type: "refresh_token", refresh_token: tokens.refresh_token })).status).toBe(400);
});

test("50 refreshes of one grant across both instances while a change is pending suspend it exactly once", async () => {
  const { app, control, token } = await tenantWithApp();
  const { grant, tokens } = await call(A, "POST", `${control}/grants`, { client_id: app.client_id, username: "avarivera" });
  await call(B, "POST", `${control}/apps/${app.client_id}/scenarios`, { scenario: "certificate-expired" });
  const answers = await Promise.all(
    Array.from({ length: 50 }, (_, i) => token(i % 2 ? A : B, { grant_type: "refresh_token", refresh_token: tokens.refresh_token })),
  );
  expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(400));
  const suspended = await call(A, "GET", `${control}/events?grant=${grant.id}&type=grant.suspended`);
  expect(suspended.events).toHaveLength(1);
  expect((await call(B, "GET", `${control}/grants/${grant.id}`)).status).toBe("suspended");
});

test("a patient signed in on A continues on B", async ({ page }) => {
  const { tenant } = await tenantWithApp();
  await page.goto(`${A}/tenants/${tenant.tenantId}/personas/patient/login`);
  await page.getByLabel("Username").fill("avarivera");
  await page.getByLabel("Password").fill(SANDBOX_PASSWORD_FOR_TESTS);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/my-authorizations/);
  await page.goto(`${B}/tenants/${tenant.tenantId}/personas/patient/my-authorizations`);
  await expect(page.getByText(/Signed in as Ava Rivera/)).toBeVisible();
});
