// An operator stops an instance (SIGTERM, as a deployment does): a request in flight still gets its answer.
import { expect, test } from "@playwright/test";
import { DEFAULT_TENANT_ID, E2E_PORT } from "./support/e2e-environment";
import { startInstance } from "./support/start-instance";

test("SIGTERM lets a token request in flight finish with 200 before the instance exits", async () => {
  const server = await startInstance(E2E_PORT + 3);
  const { origin, exited } = server;
  try {
    const post = async (route: string, body: unknown) =>
      (
        await fetch(`${origin}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
      ).json();
    const oauth = `/tenants/${DEFAULT_TENANT_ID}/protocols/oauth2/profiles/smart-v1`;
    const app = await post(`${oauth}/register`, {
      client_name: "Shutdown App",
      redirect_uris: ["https://shutdown.example.com/cb"],
      token_endpoint_auth_method: "none",
      scope: "launch/patient offline_access patient/Patient.read",
    });
    const { tokens } = await post(`/api/sandbox/tenants/${DEFAULT_TENANT_ID}/grants`, { client_id: app.client_id, username: "avarivera" });
    await post(`/api/sandbox/tenants/${DEFAULT_TENANT_ID}/apps/${app.client_id}/next-token`, { answer: "slow" });
    const inFlight = fetch(`${origin}${oauth}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: tokens.refresh_token }),
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    server.stop("SIGTERM");
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    const answeredAt = Date.now();
    expect(await exited).toBeGreaterThanOrEqual(answeredAt);
  } finally {
    server.stop("SIGKILL");
  }
});
