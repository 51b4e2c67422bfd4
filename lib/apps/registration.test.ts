// Route-level tests of RFC 7591 registration.
import { describe, expect, it } from "vitest";
import { POST as register } from "../../app/(authorization-server)/tenants/[tenant]/protocols/oauth2/profiles/smart-v1/register/route";
import { db } from "../db/client";
import { TENANT } from "../../test/oauth-fixtures";

const call = (body: unknown, raw?: string) =>
  register(
    new Request("http://x/register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: raw ?? JSON.stringify(body),
    }),
    { params: Promise.resolve({ tenant: TENANT }) },
  );

describe("POST …/register", () => {
  it("registers a confidential app: 201, secret once, stored only as a hash, with a baseline host", async () => {
    const response = await call({
      client_name: "Conf",
      redirect_uris: ["https://conf.example.org/cb"],
      token_endpoint_auth_method: "client_secret_post",
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.client_secret).toEqual(expect.any(String));
    const stored = await db.client.findUniqueOrThrow({ where: { id: body.client_id }, omit: { secretHash: false } });
    expect(stored.secretHash).toMatch(/^sha256\$/);
    expect(await db.trustHost.findUnique({ where: { clientId: body.client_id } })).toMatchObject({
      hostname: "conf.example.org",
      registrableDomain: "example.org",
    });
  });

  it("registers names that start with # as text (not as hex-encoded DER in the certificate)", async () => {
    const organization = { name: "#1 Health Apps", country: "US", state: "#MO", locality: "#Kansas City" };
    const response = await call({
      client_name: "#Hash",
      redirect_uris: ["https://hash.example.org/cb"],
      token_endpoint_auth_method: "none",
      organization,
    });
    expect(response.status).toBe(201);
    expect(
      (await call({ client_name: "#NoOrg", redirect_uris: ["https://hash2.example.org/cb"], token_endpoint_auth_method: "none" })).status,
    ).toBe(201);
  });

  it.each([
    ["http on a public host", ["http://app.example.com/cb"]],
    ["a relative URI", ["/cb"]],
    ["a fragment", ["https://app.example.com/cb#x"]],
    ["a javascript: URI", ["javascript:alert(1)"]],
  ])("refuses %s with invalid_redirect_uri and a description", async (_what, uris) => {
    const response = await call({ client_name: "X", redirect_uris: uris });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe("invalid_redirect_uri");
    expect(body.error_description.length).toBeGreaterThan(10);
  });

  it.each([
    ["no client_name", { redirect_uris: ["https://a.example.com/cb"] }],
    ["no redirect_uris", { client_name: "X" }],
    [
      "an unknown auth method",
      { client_name: "X", redirect_uris: ["https://a.example.com/cb"], token_endpoint_auth_method: "private_key_jwt" },
    ],
    ["a private-use scheme without public_hostname", { client_name: "X", redirect_uris: ["com.example.app:/cb"] }],
  ])("refuses %s with invalid_client_metadata", async (_what, body) => {
    const response = await call(body);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_client_metadata");
  });

  it("refuses malformed JSON", async () => {
    expect((await (await call(null, "{nope")).json()).error).toBe("invalid_client_metadata");
  });

  it("accepts loopback http and a private-use scheme with a public hostname", async () => {
    const response = await call({
      client_name: "Native",
      redirect_uris: ["com.example.app:/cb", "http://127.0.0.1:8123/cb"],
      public_hostname: "app.example.com",
      token_endpoint_auth_method: "none",
    });
    expect(response.status).toBe(201);
  });
});

describe("RFC 7592 client configuration", () => {
  const config = async (method: "GET" | "DELETE", clientId: string, token: string | null) => {
    const { GET, DELETE } =
      await import("../../app/(authorization-server)/tenants/[tenant]/protocols/oauth2/profiles/smart-v1/register/[clientId]/route");
    const request = new Request(`http://x/register/${clientId}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
    return (method === "GET" ? GET : DELETE)(request, { params: Promise.resolve({ tenant: TENANT, clientId }) });
  };

  it("answers the registration access token once, reads the registration with it, and deletes the app and its grants", async () => {
    const registered = await (
      await call({ client_name: "Temporary", redirect_uris: ["https://temp.example.org/cb"], token_endpoint_auth_method: "none" })
    ).json();
    expect(registered.registration_client_uri).toBe(
      `http://localhost:3999/tenants/${TENANT}/protocols/oauth2/profiles/smart-v1/register/${registered.client_id}`,
    );
    const stored = await db.client.findUniqueOrThrow({ where: { id: registered.client_id }, omit: { registrationTokenHash: false } });
    expect(stored.registrationTokenHash).not.toContain(registered.registration_access_token);

    expect((await config("GET", registered.client_id, "wrong")).status).toBe(401);
    expect((await config("DELETE", registered.client_id, null)).status).toBe(401);
    expect(await (await config("GET", registered.client_id, registered.registration_access_token)).json()).toMatchObject({
      client_id: registered.client_id,
      client_name: "Temporary",
      trust_source: "simulated",
    });

    expect((await config("DELETE", registered.client_id, registered.registration_access_token)).status).toBe(204);
    expect(await db.client.findUnique({ where: { id: registered.client_id } })).toBeNull();
    expect(await db.trustHost.findUnique({ where: { clientId: registered.client_id } })).toBeNull();
    expect((await config("DELETE", registered.client_id, registered.registration_access_token)).status).toBe(401);
  });
});

describe("the trust_source extension", () => {
  it("registers an app in live mode on an https redirect URI, and says so", async () => {
    const response = await call({
      client_name: "Live",
      redirect_uris: ["https://staging.example.org/cb"],
      token_endpoint_auth_method: "none",
      trust_source: "live",
    });
    expect(response.status).toBe(201);
    const registered = await response.json();
    expect(registered.trust_source).toBe("live");
    expect((await db.client.findUniqueOrThrow({ where: { id: registered.client_id } })).trustSource).toBe("live");
  });

  it("refuses live mode when the first redirect URI is not https, and an unknown source, with invalid_client_metadata", async () => {
    for (const body of [
      { client_name: "X", redirect_uris: ["http://127.0.0.1:9000/cb"], public_hostname: "app.example.com", trust_source: "live" },
      { client_name: "X", redirect_uris: ["https://a.example.org/cb"], trust_source: "remote" },
    ]) {
      const response = await call(body);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toBe("invalid_client_metadata");
    }
  });
});
