// GET …/events/export: the tenant's activity as JSON Lines — every line an event, oldest first, and no secret in
// any of them (client secret, refresh token, code, password), wherever a payload held one.
import { describe, expect, it } from "vitest";
import { GET as exportEvents } from "../../app/api/sandbox/tenants/[tenant]/events/export/route";
import { db } from "../db/client";
import { SANDBOX_PASSWORD } from "../personas/personas";
import { approvedCode, newApp, TENANT, tokensFor } from "../../test/oauth-fixtures";
import { recordEvent } from "./record-event";

describe("activity export (JSON Lines)", () => {
  it("answers every event as a JSON line, oldest first, with no secret in it", async () => {
    const app = await newApp({ token_endpoint_auth_method: "client_secret_basic" });
    const tokens = await tokensFor((await newApp()).client_id);
    const { code } = await approvedCode((await newApp()).client_id);
    const secrets = [app.client_secret!, tokens.refresh_token, tokens.access_token, code, SANDBOX_PASSWORD];
    await recordEvent(db, {
      type: "test.secrets",
      tenantId: TENANT,
      sandboxAt: new Date(),
      payload: {
        client_secret: app.client_secret,
        refresh_token: tokens.refresh_token,
        callback: `https://x.example/cb?code=${code}`,
        password: SANDBOX_PASSWORD,
        code: "certificate.expired",
      },
    });

    const response = await exportEvents(new Request(`http://localhost/api/sandbox/tenants/${TENANT}/events/export`), {
      params: Promise.resolve({ tenant: TENANT }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const text = await response.text();
    for (const secret of secrets) expect(text).not.toContain(secret);
    const events = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; createdAt: string; payload: Record<string, unknown> });
    expect(events.length).toBeGreaterThan(3);
    expect(events.map((event) => event.createdAt)).toEqual([...events.map((event) => event.createdAt)].sort());
    // Change codes stay readable: redaction is by value, not by key name.
    expect(events.find((event) => event.type === "test.secrets")?.payload.code).toBe("certificate.expired");
  });

  it("refuses an unknown filter with 400", async () => {
    const response = await exportEvents(new Request(`http://localhost/api/sandbox/tenants/${TENANT}/events/export?cursor=x`), {
      params: Promise.resolve({ tenant: TENANT }),
    });
    expect(response.status).toBe(400);
  });
});
