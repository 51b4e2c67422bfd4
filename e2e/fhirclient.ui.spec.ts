// The official SMART JS client (fhirclient, browser bundle) as a public app on a second origin: it discovers the
// sandbox from the FHIR base, launches with PKCE, reads over CORS and refreshes without a client_id.
import { readFile } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { test as base, expect } from "@playwright/test";
import type Client from "fhirclient/lib/Client";
import type { fhirclient } from "fhirclient/lib/types";
import { DEFAULT_TENANT_ID, FHIR_BASE_URL } from "./support/e2e-environment";
import { TOKEN_URL } from "./support/smart-client";
import { applyScenario, approveAsPatient, registerInteropApp } from "./support/support-interop";

const CLIENT_NAME = "Interop fhirclient App";
const SCOPE = "launch/patient openid fhirUser offline_access patient/Patient.read patient/Observation.read";
const FHIR_CLIENT_BUNDLE = path.resolve("node_modules/fhirclient/build/fhir-client.js");

type SmartAppWindow = Window & { smartClient?: Client };

interface RefreshFailure {
  status: number | null;
  error: string | null;
  errorUri: string | null;
  message: string;
}

interface SmartAppServer {
  origin: string;
  redirectUri: string;
  launchWith(options: fhirclient.AuthorizeParams): void;
}

function htmlPage(title: string, script: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title><script src="/fhir-client.js"></script></head>
<body><main><h1>${title}</h1><p role="status">Working…</p></main>
<script>
const statusLine = document.querySelector('[role="status"]');
${script}
</script>
</body>
</html>`;
}

function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

const APP_SCRIPT = `FHIR.oauth2.ready().then(
  (client) => { window.smartClient = client; statusLine.textContent = "Connected"; },
  (error) => { statusLine.textContent = "Connection failed: " + error.message; },
);`;

function launchScript(options: fhirclient.AuthorizeParams): string {
  return `FHIR.oauth2.authorize(${inlineJson(options)}).catch((error) => { statusLine.textContent = "Launch failed: " + error.message; });`;
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, { "Content-Type": contentType, "Cache-Control": "no-store" });
  response.end(body);
}

const test = base.extend<{ smartApp: SmartAppServer }>({
  smartApp: async ({}, use) => {
    const bundle = await readFile(FHIR_CLIENT_BUNDLE);
    let launchOptions: fhirclient.AuthorizeParams | null = null;
    const server = createServer((request, response) => {
      const { pathname } = new URL(request.url ?? "/", "http://127.0.0.1");
      if (pathname === "/fhir-client.js") return send(response, 200, "text/javascript; charset=utf-8", bundle);
      if (pathname === "/launch.html" && launchOptions)
        return send(response, 200, "text/html; charset=utf-8", htmlPage("Interop launch", launchScript(launchOptions)));
      if (pathname === "/app.html") return send(response, 200, "text/html; charset=utf-8", htmlPage("Interop app", APP_SCRIPT));
      send(response, 404, "text/plain; charset=utf-8", "not found");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await use({
      origin,
      redirectUri: `${origin}/app.html`,
      launchWith(options) {
        launchOptions = options;
      },
    });
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  },
});

/** Runs in the page. fhirclient's HttpError reads the JSON body into its message; the headers stay on `response`. */
async function refreshFailure(client: Client): Promise<RefreshFailure | null> {
  try {
    await client.refresh();
    return null;
  } catch (caught) {
    const error = caught as { status?: number; message?: string; response?: Response };
    const message = String(error.message ?? caught);
    const help = /^<([^>]+)>;\s*rel="help"$/.exec(error.response?.headers.get("link") ?? "");
    return { status: error.status ?? null, error: /\n([a-z_]+)(?::|$)/.exec(message)?.[1] ?? null, errorUri: help?.[1] ?? null, message };
  }
}

test("fhirclient from another origin: standalone launch with PKCE, reads the patient and vital signs, refreshes without client_id; after certificate-expired the refresh is invalid_grant and its error_uri says access was paused", async ({
  page,
  request,
  smartApp,
}) => {
  const app = await registerInteropApp(request, {
    clientName: CLIENT_NAME,
    redirectUri: smartApp.redirectUri,
    tokenEndpointAuthMethod: "none",
    scope: SCOPE,
    publicHostname: "fhirclient.interop-app.example.com",
  });
  smartApp.launchWith({
    clientId: app.client_id,
    scope: SCOPE,
    redirectUri: smartApp.redirectUri,
    iss: FHIR_BASE_URL,
    pkceMode: "required",
  });

  await page.goto(`${smartApp.origin}/launch.html`);
  await approveAsPatient(page, "avarivera", CLIENT_NAME);
  await page.waitForURL((url) => url.origin === smartApp.origin && url.pathname === "/app.html");
  await expect(page.getByRole("status")).toHaveText("Connected");
  const smartClient = await page.evaluateHandle(() => (window as SmartAppWindow).smartClient!);

  const patient = await smartClient.evaluate((client) => client.patient.read());
  expect(patient).toMatchObject({ resourceType: "Patient", id: "ava-rivera" });

  const vitals = await smartClient.evaluate(async (client) => {
    const bundle = await client.request<fhirclient.FHIR.Bundle>(`Observation?patient=${client.patient.id}&category=vital-signs&_count=20`);
    const subjects = (bundle.entry ?? []).map((entry) => (entry.resource as { subject?: { reference?: string } }).subject?.reference);
    return { resourceType: bundle.resourceType, type: bundle.type, total: bundle.total ?? 0, subjects: [...new Set(subjects)] };
  });
  expect(vitals).toMatchObject({ resourceType: "Bundle", type: "searchset", subjects: ["Patient/ava-rivera"] });
  expect(vitals.total).toBeGreaterThan(0);

  const refreshed = await smartClient.evaluate(async (client) => {
    const before = client.state.tokenResponse?.access_token;
    const state = await client.refresh();
    const patientAfter = await client.patient.read();
    return {
      newAccessToken: state.tokenResponse?.access_token !== before,
      keptRefreshToken: !!state.tokenResponse?.refresh_token,
      scope: state.tokenResponse?.scope,
      patientId: patientAfter.id,
    };
  });
  expect(refreshed).toEqual({ newAccessToken: true, keptRefreshToken: true, scope: SCOPE, patientId: "ava-rivera" });

  await applyScenario(request, app.client_id, "certificate-expired");
  const [onTheWire, refusal] = await Promise.all([
    page.waitForResponse((response) => response.url() === TOKEN_URL && response.request().method() === "POST"),
    smartClient.evaluate(refreshFailure),
  ]);
  expect(refusal).toMatchObject({ status: 400, error: "invalid_grant" });
  expect(onTheWire.status()).toBe(400);
  const body = (await onTheWire.json()) as { error: string; error_uri: string };
  expect(body.error).toBe("invalid_grant");
  // fhirclient keeps only `error` from the body (in its message); the error_uri comes from the Link header.
  const errorUri = refusal!.errorUri!;
  expect(errorUri).toBe(body.error_uri);
  expect(errorUri).toContain(`?client=${app.client_id}&tenant=${DEFAULT_TENANT_ID}`);
  expect(decodeURIComponent(new URL(errorUri).pathname)).toContain("urn:smart-trust-sandbox:error:oauth2:grant:suspended");

  // The patient is still signed in to the portal in this browser, so the error_uri page shows the full review.
  const explanation = await page.context().newPage();
  await explanation.goto(errorUri);
  await expect(explanation.getByRole("heading", { name: `Access for ${CLIENT_NAME} was paused` })).toBeVisible();
  await expect(
    explanation.getByText(/health record was paused because the app.s security details changed after you approved it/),
  ).toBeVisible();
  await expect(
    explanation.getByRole("list", { name: "What changed" }).getByText("The app's security certificate has expired."),
  ).toBeVisible();
});
