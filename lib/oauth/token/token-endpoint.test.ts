// Route-level tests of POST …/token: the RFC status and error for every bad input, never a 500.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/client";
import { resetClock, advanceClock } from "../../clock/sandbox-clock";
import { parseDuration } from "../../clock/iso-duration";
import { updateSettings } from "../../tenant-admin/update-settings";
import {
  approvedCode,
  newApp,
  rawTokenRequest,
  REDIRECT_URI,
  refreshWith,
  TENANT,
  tokenRequest,
  tokensFor,
} from "../../../test/oauth-fixtures";

let app: Awaited<ReturnType<typeof newApp>>;
let other: Awaited<ReturnType<typeof newApp>>;

beforeAll(async () => {
  await resetClock(db, TENANT);
  app = await newApp();
  other = await newApp();
});

async function expectError(response: Response, status: number, error: string) {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(body.error).toBe(error);
  expect(body.error_uri).toMatch(
    /\/errors\/urn%3A.+\/instances\/[0-9a-f-]{36}\?client=|\/errors\/urn%3A.+\/instances\/[0-9a-f-]{36}\?tenant=/,
  );
  expect(body.error_uri).toContain(response.headers.get("x-correlation-id")!);
  expect(body).not.toHaveProperty("error_description");
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("pragma")).toBe("no-cache");
  return body;
}

describe("POST …/token — authorization_code", () => {
  it("answers tokens for a good exchange, with no-store and a correlation id", async () => {
    const body = await tokensFor(app.client_id);
    expect(body.refresh_token).toEqual(expect.any(String));
    expect(body.patient).toBe("ava-rivera");
  });

  it.each([
    ["a missing code verifier", (_verifier: string) => ({ code_verifier: "" }), "invalid_grant"],
    ["a wrong code verifier", () => ({ code_verifier: "x".repeat(43) }), "invalid_grant"],
    ["a malformed code verifier", () => ({ code_verifier: "short" }), "invalid_grant"],
    ["a mismatched redirect_uri", () => ({ redirect_uri: "https://qa-app.example.com/other" }), "invalid_grant"],
    ["another client's client_id", () => ({ client_id: other.client_id }), "invalid_grant"],
    ["an unknown client", () => ({ client_id: "nobody" }), "invalid_client"],
    ["a missing code", () => ({ code: "" }), "invalid_request"],
    ["an unknown code", () => ({ code: "not-a-code" }), "invalid_grant"],
  ])("refuses %s", async (_what, change, error) => {
    const { code, verifier } = await approvedCode(app.client_id);
    const fields = {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
      client_id: app.client_id,
      ...change(verifier),
    };
    const status = error === "invalid_client" ? 401 : 400;
    await expectError(await tokenRequest(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ""))), status, error);
  });

  it("revokes the whole grant when a code is used twice", async () => {
    const { code, verifier } = await approvedCode(app.client_id);
    const fields = {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
      client_id: app.client_id,
    };
    const first = await (await tokenRequest(fields)).json();
    await expectError(await tokenRequest(fields), 400, "invalid_grant");
    await expectError(await refreshWith(app.client_id, first.refresh_token), 400, "invalid_grant");
  });

  it("refuses an expired code (60 s on the sandbox clock)", async () => {
    const { code, verifier } = await approvedCode(app.client_id);
    await advanceClock(db, TENANT, parseDuration("PT61S")!);
    await expectError(
      await tokenRequest({
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
        client_id: app.client_id,
      }),
      400,
      "invalid_grant",
    );
    await resetClock(db, TENANT);
  });

  it("ignores unknown parameters", async () => {
    const { code, verifier } = await approvedCode(app.client_id);
    const response = await tokenRequest({
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
      client_id: app.client_id,
      colour: "blue",
    });
    expect(response.status).toBe(200);
  });
});

describe("POST …/token — bad requests of any kind", () => {
  it.each([
    [
      "a JSON body",
      () =>
        new Request("http://x/token", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ grant_type: "refresh_token" }),
        }),
      400,
      "invalid_request",
    ],
    ["no body", () => new Request("http://x/token", { method: "POST" }), 400, "invalid_request"],
    ["a missing grant_type", () => formRequest("client_id=x"), 400, "invalid_request"],
    ["an unsupported grant_type", () => formRequest("grant_type=password&username=a&password=b"), 400, "unsupported_grant_type"],
    ["a duplicated parameter", () => formRequest("grant_type=refresh_token&grant_type=refresh_token"), 400, "invalid_request"],
    [
      "a malformed Basic header",
      () => formRequest("grant_type=refresh_token&refresh_token=x", { authorization: "Basic !!!" }),
      401,
      "invalid_client",
    ],
    [
      "a Basic header without a colon",
      () =>
        formRequest("grant_type=refresh_token&refresh_token=x", { authorization: `Basic ${Buffer.from("nocolon").toString("base64")}` }),
      401,
      "invalid_client",
    ],
    [
      "a 10 kB scope",
      () => formRequest(`grant_type=refresh_token&refresh_token=x&client_id=x&scope=${"patient/Observation.read+".repeat(420)}`),
      400,
      "invalid_request",
    ],
  ])("refuses %s", async (_what, build, status, error) => {
    await expectError(await rawTokenRequest(build()), status, error);
  });

  it("adds error_description when the tenant turns it on", async () => {
    await updateSettings(db, TENANT, { errorDescription: true });
    const body = await (await rawTokenRequest(formRequest("grant_type=password"))).json();
    expect(body.error_description).toMatch(/not supported/);
    await updateSettings(db, TENANT, { errorDescription: false });
  });
});

describe("POST …/token — refresh_token", () => {
  it("refreshes without a new refresh token (no rotation by default)", async () => {
    const tokens = await tokensFor(app.client_id);
    const response = await refreshWith(app.client_id, tokens.refresh_token);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).not.toHaveProperty("refresh_token");
    expect(body.scope).toBe(tokens.scope);
  });

  it("may narrow the scope but never widen it", async () => {
    const tokens = await tokensFor(app.client_id);
    expect((await (await refreshWith(app.client_id, tokens.refresh_token, { scope: "patient/Patient.read" })).json()).scope).toBe(
      "patient/Patient.read",
    );
    await expectError(await refreshWith(app.client_id, tokens.refresh_token, { scope: "patient/Condition.read" }), 400, "invalid_scope");
  });

  it("refuses a refresh token presented by another client", async () => {
    const tokens = await tokensFor(app.client_id);
    await expectError(await refreshWith(other.client_id, tokens.refresh_token), 400, "invalid_grant");
  });

  it("rotates the refresh token when the tenant setting says so", async () => {
    await updateSettings(db, TENANT, { refreshTokenRotation: true });
    const tokens = await tokensFor(app.client_id);
    const body = await (await refreshWith(app.client_id, tokens.refresh_token)).json();
    expect(body.refresh_token).toEqual(expect.any(String));
    expect(body.refresh_token).not.toBe(tokens.refresh_token);
    await updateSettings(db, TENANT, { refreshTokenRotation: false });
  });
});

describe("confidential clients", () => {
  it("authenticate with client_secret_basic, compared against the stored hash", async () => {
    const confidential = await newApp({ token_endpoint_auth_method: "client_secret_basic" });
    const stored = await db.client.findUniqueOrThrow({ where: { id: confidential.client_id }, omit: { secretHash: false } });
    expect(stored.secretHash).not.toContain(confidential.client_secret!);
    const { code, verifier } = await approvedCode(confidential.client_id);
    const fields = { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier };
    const basic = (secret: string) => ({ authorization: `Basic ${Buffer.from(`${confidential.client_id}:${secret}`).toString("base64")}` });
    await expectError(await tokenRequest(fields, basic("wrong")), 401, "invalid_client");
    expect((await tokenRequest(fields, basic(confidential.client_secret!))).status).toBe(200);
  });

  it("refuses a client that uses another method than it registered", async () => {
    const confidential = await newApp({ token_endpoint_auth_method: "client_secret_post" });
    const { code, verifier } = await approvedCode(confidential.client_id);
    await expectError(
      await tokenRequest({
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
        client_id: confidential.client_id,
      }),
      401,
      "invalid_client",
    );
  });
});

function formRequest(body: string, headers: Record<string, string> = {}) {
  return new Request("http://x/token", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body,
  });
}
