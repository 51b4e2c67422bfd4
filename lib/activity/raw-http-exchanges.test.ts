// The Raw HTTP record as a developer reads it back: through the control API (one exchange by correlation id, a grant
// as HAR), after real requests to the token endpoint and the control API. No secret may come back out.
import { describe, expect, it } from "vitest";
import { GET as exchangeRoute } from "../../app/api/sandbox/tenants/[tenant]/exchanges/[correlationId]/route";
import { GET as harRoute } from "../../app/api/sandbox/tenants/[tenant]/grants/[grantId]/har/route";
import { POST as clockRoute } from "../../app/api/sandbox/tenants/[tenant]/clock/route";
import { db } from "../db/client";
import { SANDBOX_PASSWORD } from "../personas/personas";
import { applyScenario } from "../trust/change-world";
import { updateSettings } from "../tenant-admin/update-settings";
import { approvedCode, newApp, REDIRECT_URI, refreshWith, TENANT, tokenRequest, tokensFor } from "../../test/oauth-fixtures";

const API = `http://localhost:3999/api/sandbox/tenants/${TENANT}`;

async function readExchange(correlationId: string) {
  const response = await exchangeRoute(new Request(`${API}/exchanges/${correlationId}`), {
    params: Promise.resolve({ tenant: TENANT, correlationId }),
  });
  return { status: response.status, body: (await response.json()) as { exchange?: Record<string, unknown>; error?: string } };
}

async function har(grantId: string) {
  const response = await harRoute(new Request(`${API}/grants/${grantId}/har`), { params: Promise.resolve({ tenant: TENANT, grantId }) });
  return { response, text: await response.text() };
}

describe("Raw HTTP exchanges", () => {
  it("keeps the refused refresh as sent and answered: 400 invalid_grant with error_uri, the refresh token redacted", async () => {
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    await applyScenario(db, app.client_id, "certificate-expired");
    const refused = await refreshWith(app.client_id, tokens.refresh_token);
    expect(refused.status).toBe(400);
    const correlationId = refused.headers.get("x-correlation-id")!;

    const { status, body } = await readExchange(correlationId);
    expect(status).toBe(200);
    const exchange = body.exchange as { method: string; status: number; requestBody: string; responseBody: string };
    expect(exchange.method).toBe("POST");
    expect(exchange.status).toBe(400);
    expect(exchange.requestBody).toContain("grant_type=refresh_token&refresh_token=[redacted]");
    expect(JSON.parse(exchange.responseBody)).toMatchObject({ error: "invalid_grant", error_uri: expect.stringContaining("/errors/") });
    expect(JSON.stringify(body)).not.toContain(tokens.refresh_token);
  });

  it("exports a grant's exchanges as HAR 1.2: the code exchange and the refused refresh, without a secret", async () => {
    const app = await newApp({ token_endpoint_auth_method: "client_secret_basic" });
    const basic = { authorization: `Basic ${Buffer.from(`${app.client_id}:${app.client_secret}`).toString("base64")}` };
    const { code, verifier } = await approvedCode(app.client_id);
    const issued = await tokenRequest(
      { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier },
      basic,
    );
    expect(issued.status).toBe(200);
    const tokens = (await issued.json()) as { access_token: string; refresh_token: string };
    await applyScenario(db, app.client_id, "dns-txt-removed");
    expect((await tokenRequest({ grant_type: "refresh_token", refresh_token: tokens.refresh_token }, basic)).status).toBe(400);
    const grant = await db.grant.findFirstOrThrow({ where: { clientId: app.client_id } });

    const { response, text } = await har(grant.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`grant-${grant.id}.har`);
    const file = JSON.parse(text) as {
      log: { version: string; entries: { request: { postData?: { text: string } }; response: { status: number } }[] };
    };
    expect(file.log.version).toBe("1.2");
    expect(file.log.entries.map((entry) => entry.response.status)).toEqual([200, 400]);
    expect(file.log.entries[1].request.postData?.text).toContain("grant_type=refresh_token");
    for (const secret of [app.client_secret!, code, verifier, tokens.access_token, tokens.refresh_token])
      expect(text).not.toContain(secret);
  });

  it("keeps a token request that carries a password without the password", async () => {
    const app = await newApp();
    const response = await tokenRequest({
      grant_type: "password",
      username: "avarivera",
      password: SANDBOX_PASSWORD,
      client_id: app.client_id,
    });
    expect(response.status).toBe(400);
    const { body } = await readExchange(response.headers.get("x-correlation-id")!);
    expect(JSON.stringify(body)).not.toContain(SANDBOX_PASSWORD);
    expect((body.exchange as { requestBody: string }).requestBody).toContain("password=[redacted]");
  });

  it("keeps control-API calls too, under the correlation id they answered with", async () => {
    const response = await clockRoute(
      new Request(`${API}/clock`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ advance: "PT1H" }),
      }),
      { params: Promise.resolve({ tenant: TENANT }) },
    );
    expect(response.status).toBe(200);
    const { body } = await readExchange(response.headers.get("x-correlation-id")!);
    expect(body.exchange).toMatchObject({ method: "POST", status: 200, requestBody: JSON.stringify({ advance: "PT1H" }) });
  });

  it("keeps nothing when the tenant turned recordHttpExchanges off, and says why it has none", async () => {
    await updateSettings(db, TENANT, { recordHttpExchanges: false });
    const before = await db.httpExchange.count();
    const app = await newApp();
    const tokens = await tokensFor(app.client_id);
    const refreshed = await refreshWith(app.client_id, tokens.refresh_token);
    expect(refreshed.status).toBe(200);
    const { status, body } = await readExchange(refreshed.headers.get("x-correlation-id")!);
    expect(status).toBe(404);
    expect(body.error).toBe("not_found");
    expect(await db.httpExchange.count()).toBe(before);
  });

  it("answers 404 for a grant that does not exist", async () => {
    const { response } = await har("no-such-grant");
    expect(response.status).toBe(404);
  });
});
