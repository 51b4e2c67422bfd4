// The QA kit's paths, timed against `next start`: tenant create + delete, and the suspension round trip
// (authorize → suspend → re-approve → refresh 200) both headless (control API) and in Chromium (auto-login,
// consent, the error_uri page's Re-approve).
import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { findBrowser } from "../scripts/find-browser";
import { chromium } from "@playwright/test";
import { percentile } from "./stats";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const SCOPE = "launch/patient openid fhirUser offline_access patient/Patient.read";

async function call(origin: string, method: string, path: string, body?: unknown): Promise<Json> {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
  return response.status === 204 ? {} : response.json();
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

const summary = (name: string, samples: number[]) => ({
  name,
  runs: samples.length,
  p50: Math.round(percentile(samples, 50)),
  p99: Math.round(percentile(samples, 99)),
});

/** A local redirect server, as the QA kit uses: the app's loopback redirect URI answers a tiny page. */
async function redirectServer(): Promise<{ uri: string; close: () => void }> {
  const server = createServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end("<h1>callback</h1>"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { uri: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb`, close: () => server.close() };
}

export async function benchQaKit(origin: string) {
  const lifecycle = await timed(20, async () => {
    const tenant = await call(origin, "POST", "/api/sandbox/tenants", {});
    await call(origin, "DELETE", `/api/sandbox/tenants/${tenant.tenantId}`);
  });

  const tenant = await call(origin, "POST", "/api/sandbox/tenants", { autoLogin: true });
  const t = `/api/sandbox/tenants/${tenant.tenantId}`;
  const oauth = `/tenants/${tenant.tenantId}/protocols/oauth2/profiles/smart-v1`;
  const callback = await redirectServer();
  const REDIRECT_URI = callback.uri;
  const app = await call(origin, "POST", `${oauth}/register`, {
    client_name: "Bench App",
    public_hostname: "bench-app.example.com",
    redirect_uris: [REDIRECT_URI],
    token_endpoint_auth_method: "none",
    scope: SCOPE,
    organization: { name: "Bench Inc.", country: "US", state: "MO", locality: "Kansas City" },
  });
  const refresh = (refreshToken: string) =>
    fetch(`${origin}${oauth}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken }),
    });
  const expectStatus = async (response: Promise<Response>, status: number) => {
    const answer = await response;
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status} ${await answer.text()}`);
    return answer.json() as Promise<Json>;
  };

  const headless = await timed(10, async () => {
    const { grant, tokens } = await call(origin, "POST", `${t}/grants`, {
      client_id: app.client_id,
      username: "avarivera",
      issue: "tokens",
    });
    await call(origin, "POST", `${t}/apps/${app.client_id}/scenarios`, { scenario: "certificate-expired" });
    await expectStatus(refresh(tokens.refresh_token), 400);
    await call(origin, "POST", `${t}/grants/${grant.id}/reapprove`);
    await expectStatus(refresh(tokens.refresh_token), 200);
    await call(origin, "POST", `${t}/apps/${app.client_id}/scenarios`, { scenario: "restore-baseline" });
  });

  const browser = await chromium.launch({ executablePath: findBrowser().executablePath, args: ["--no-sandbox"] });
  let inBrowser: number[];
  try {
    inBrowser = await timed(5, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const verifier = randomBytes(32).toString("base64url");
      const query = new URLSearchParams({
        response_type: "code",
        client_id: app.client_id,
        redirect_uri: REDIRECT_URI,
        scope: SCOPE,
        state: "bench",
        aud: tenant.fhirBase,
        code_challenge: createHash("sha256").update(verifier).digest("base64url"),
        code_challenge_method: "S256",
        login_hint: "avarivera",
      });
      await page.goto(`${origin}${oauth}/personas/patient/authorize?${query}`);
      await page.getByRole("button", { name: "Allow" }).click();
      await page.waitForURL(`${REDIRECT_URI}**`);
      const code = new URL(page.url()).searchParams.get("code")!;
      const tokens = await expectStatus(
        fetch(`${origin}${oauth}/token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            grant_type: "authorization_code",
            code,
            redirect_uri: REDIRECT_URI,
            code_verifier: verifier,
            client_id: app.client_id,
          }),
        }),
        200,
      );
      await call(origin, "POST", `${t}/apps/${app.client_id}/scenarios`, { scenario: "certificate-expired" });
      const refused = await expectStatus(refresh(tokens.refresh_token), 400);
      await page.goto(refused.error_uri);
      await page.getByRole("button", { name: "Re-approve" }).click();
      await page.getByTestId("review-outcome").waitFor();
      await expectStatus(refresh(tokens.refresh_token), 200);
      await call(origin, "POST", `${t}/apps/${app.client_id}/scenarios`, { scenario: "restore-baseline" });
      await context.close();
    });
  } finally {
    await browser.close();
    callback.close();
    await call(origin, "DELETE", t);
  }
  return [
    summary("tenant create + delete", lifecycle),
    summary("suspension round trip, headless (control API)", headless),
    summary("suspension round trip, browser (auto-login, consent, error_uri Re-approve)", inBrowser),
  ];
}
