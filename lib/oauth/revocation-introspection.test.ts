// Route-level tests of revocation (RFC 7009) and introspection (RFC 7662).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { resetClock } from "../clock/sandbox-clock";
import { introspectRequest, newApp, refreshWith, revokeRequest, TENANT, tokensFor } from "../../test/oauth-fixtures";

let app: Awaited<ReturnType<typeof newApp>>;
beforeAll(async () => {
  await resetClock(db, TENANT);
  app = await newApp();
});

describe("revocation", () => {
  it("always answers 200 for a well-formed request, even for an unknown token", async () => {
    expect((await revokeRequest({ token: "never-issued", client_id: app.client_id })).status).toBe(200);
  });

  it("answers 200 for an unsigned JWT whose jti is not a string", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    for (const jti of [42, true, { a: 1 }, ["x"]]) {
      const token = `${header}.${Buffer.from(JSON.stringify({ jti })).toString("base64url")}.`;
      expect((await revokeRequest({ token, client_id: app.client_id })).status).toBe(200);
    }
  });

  it("revoking a refresh token revokes its grant", async () => {
    const tokens = await tokensFor(app.client_id);
    expect((await revokeRequest({ token: tokens.refresh_token, client_id: app.client_id })).status).toBe(200);
    expect((await refreshWith(app.client_id, tokens.refresh_token)).status).toBe(400);
    expect(await (await introspectRequest({ token: tokens.access_token, client_id: app.client_id })).json()).toEqual({ active: false });
  });

  it("needs the token parameter and client authentication", async () => {
    expect((await revokeRequest({ client_id: app.client_id })).status).toBe(400);
    expect((await revokeRequest({ token: "x" })).status).toBe(401);
  });
});

describe("introspection", () => {
  it("is active for a fresh access token and refresh token of the asking client", async () => {
    const tokens = await tokensFor(app.client_id);
    const access = await (await introspectRequest({ token: tokens.access_token, client_id: app.client_id })).json();
    expect(access).toMatchObject({ active: true, client_id: app.client_id, patient: "ava-rivera", scope: tokens.scope });
    const refresh = await (await introspectRequest({ token: tokens.refresh_token, client_id: app.client_id })).json();
    expect(refresh).toMatchObject({ active: true, token_type: "refresh_token" });
  });

  it("is inactive for garbage, for another client's token, and needs authentication", async () => {
    const tokens = await tokensFor(app.client_id);
    const other = await newApp();
    expect(await (await introspectRequest({ token: "garbage", client_id: app.client_id })).json()).toEqual({ active: false });
    expect(await (await introspectRequest({ token: tokens.access_token, client_id: other.client_id })).json()).toEqual({ active: false });
    expect((await introspectRequest({ token: tokens.access_token })).status).toBe(401);
  });
});
