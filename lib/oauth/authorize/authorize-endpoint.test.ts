// Route-level tests of GET …/authorize: errors before the redirect URI is trusted go to a page for people;
// after, they are redirected back to the app with error, error_uri and state.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as authorize } from "../../../app/(authorization-server)/tenants/[tenant]/protocols/oauth2/profiles/smart-v1/personas/patient/authorize/route";
import { FHIR_BASE, newApp, pkce, REDIRECT_URI, SCOPE, TENANT } from "../../../test/oauth-fixtures";
import { db } from "../../db/client";
import { updateSettings } from "../../tenant-admin/update-settings";
import { authorizationServerUrls } from "../endpoints";
import { matchesRegisteredRedirectUri } from "./authorize-checks";
import { log } from "../../log/logger";

let clientId: string;
const challenge = pkce().challenge;
beforeAll(async () => {
  clientId = (await newApp()).client_id;
});

function request(overrides: Record<string, string | null>, raw?: string) {
  const query = new URLSearchParams();
  const base: Record<string, string> = {
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    scope: SCOPE,
    state: "st",
    aud: FHIR_BASE,
    code_challenge: challenge,
    code_challenge_method: "S256",
  };
  for (const [name, value] of Object.entries({ ...base, ...overrides })) if (value !== null) query.set(name, value);
  return authorize(new Request(`http://localhost:3999/authorize?${raw ?? query}`), { params: Promise.resolve({ tenant: TENANT }) });
}

describe("GET …/authorize", () => {
  it("sends a good request on to the patient's sign-in/consent steps", async () => {
    const response = await request({});
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(new RegExp(`/tenants/${TENANT}/personas/patient/authorize/[0-9a-f-]{36}$`));
  });

  it.each([
    ["no client_id", { client_id: null }],
    ["an unknown client", { client_id: "nobody" }],
    ["a redirect URI that is not registered", { redirect_uri: "https://evil.example.net/callback" }],
    ["a redirect URI with a trailing slash", { redirect_uri: `${REDIRECT_URI}/` }],
  ])("shows an error page, never redirecting, for %s", async (_what, overrides) => {
    const response = await request(overrides);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^http:\/\/localhost:3999\/errors\/urn%3A/);
  });

  it("shows an error page for a duplicated client_id", async () => {
    const response = await request({}, `client_id=${clientId}&client_id=${clientId}&response_type=code`);
    expect(response.headers.get("location")).toContain("/errors/");
  });

  it.each([
    ["no state", { state: null }, "invalid_request"],
    ["no aud", { aud: null }, "invalid_request"],
    ["a wrong aud", { aud: "https://other.example.com/fhir" }, "invalid_request"],
    ["response_type=token", { response_type: "token" }, "unsupported_response_type"],
    ["a wildcard scope", { scope: "launch/patient patient/*.read" }, "invalid_scope"],
    ["an EHR launch", { launch: "abc" }, "invalid_request"],
    ["PKCE plain", { code_challenge_method: "plain" }, "invalid_request"],
    ["no PKCE from a public client", { code_challenge: null, code_challenge_method: null }, "invalid_request"],
    ["a malformed code_challenge", { code_challenge: "short" }, "invalid_request"],
    ["a 10 kB scope", { scope: "patient/Observation.read ".repeat(420) }, "invalid_request"],
  ] as [string, Record<string, string | null>, string][])("redirects back with an error for %s", async (_what, overrides, error) => {
    const response = await request(overrides);
    const location = new URL(response.headers.get("location")!);
    if (error === "invalid_request" && overrides.scope) {
      // an over-long parameter is refused before the redirect URI is trusted
      expect(location.pathname).toMatch(/^\/errors\//);
      return;
    }
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get("error")).toBe(error);
    expect(location.searchParams.get("error_uri")).toMatch(/\/errors\/urn%3A/);
    expect(location.searchParams.get("state")).toBe(overrides.state === null ? null : "st");
    expect(location.searchParams.has("error_description")).toBe(false);
    expect(location.searchParams.get("iss")).toBe(authorizationServerUrls(TENANT).issuer);
  });

  it("refuses a scope outside the app's registration with invalid_scope, naming it", async () => {
    const narrow = await newApp({ scope: "launch/patient openid fhirUser offline_access patient/Patient.read" });
    const response = await request({ client_id: narrow.client_id, scope: "launch/patient patient/Patient.rs patient/Observation.read" });
    const location = new URL(response.headers.get("location")!);
    expect(location.searchParams.get("error")).toBe("invalid_scope");
    await updateSettings(db, TENANT, { errorDescription: true });
    const described = new URL(
      (await request({ client_id: narrow.client_id, scope: "launch/patient patient/Observation.read" })).headers.get("location")!,
    );
    await updateSettings(db, TENANT, { errorDescription: false });
    expect(described.searchParams.get("error_description")).toMatch(/not in the app's registered scope: patient\/Observation\.read$/);
  });

  it("accepts a v2 scope covered by a v1 registration of the same type", async () => {
    const narrow = await newApp({ scope: "launch/patient patient/Patient.read" });
    const response = await request({ client_id: narrow.client_id, scope: "launch/patient patient/Patient.rs" });
    expect(response.headers.get("location")).toMatch(/\/personas\/patient\/authorize\//);
  });

  it("leaves iss out of authorization responses when the tenant turns RFC 9207 off", async () => {
    await updateSettings(db, TENANT, { authorizationResponseIss: false });
    const location = new URL((await request({ state: "st", aud: null })).headers.get("location")!);
    await updateSettings(db, TENANT, { authorizationResponseIss: true });
    expect(location.searchParams.get("error")).toBe("invalid_request");
    expect(location.searchParams.has("iss")).toBe(false);
  });
});

describe("loopback redirect URIs (RFC 8252 §7.3)", () => {
  it.each([
    ["http://127.0.0.1:53123/cb", ["http://127.0.0.1:8080/cb"], true],
    ["http://127.0.0.1/cb", ["http://127.0.0.1:8080/cb"], true],
    ["http://[::1]:61000/cb?x=1", ["http://[::1]/cb"], true],
    ["http://127.0.0.1:53123/other", ["http://127.0.0.1:8080/cb"], false],
    ["http://localhost:53123/cb", ["http://localhost:8080/cb"], false],
    ["https://127.0.0.1:53123/cb", ["https://127.0.0.1:8080/cb"], false],
  ])("%s against %j → %s", (given, registered, expected) => {
    expect(matchesRegisteredRedirectUri(given, registered)).toBe(expected);
  });

  it("sends a loopback app on another port on to consent, and back to that port", async () => {
    const app = await newApp({ redirect_uris: ["http://127.0.0.1:8080/callback"], public_hostname: "loopback-app.example.com" });
    const response = await request({ client_id: app.client_id, redirect_uri: "http://127.0.0.1:49152/callback", state: null });
    const location = new URL(response.headers.get("location")!);
    expect(location.origin).toBe("http://127.0.0.1:49152");
    expect(location.searchParams.get("error")).toBe("invalid_request");
  });
});

describe("redirect URI matching", () => {
  it.each([
    ["https://a.example.com/cb", true],
    ["https://a.example.com/cb?extra=1", true],
    ["https://a.example.com/cb/", false],
    ["https://a.example.com/CB", false],
    ["https://a.example.com/cb#x", false],
    ["https://a.example.com/cbx", false],
    ["https://a.example.com", false],
  ])("%s → %s", (given, expected) => {
    expect(matchesRegisteredRedirectUri(given, ["https://a.example.com/cb"])).toBe(expected);
  });
});

describe("an error path that cannot fail", () => {
  it("still sends the person to the error page when the error cannot be stored, and when anything unexpected fails", async () => {
    const { vi } = await import("vitest");
    const logged = vi.spyOn(log, "error");
    const storage = vi.spyOn(db.errorInstance, "create").mockImplementation(() => {
      throw new Error("disk full");
    });
    const unknownClient = await request({ client_id: "nobody" });
    storage.mockRestore();
    const broken = vi.spyOn(db.client, "findUnique").mockRejectedValue(new Error("connection lost"));
    const unexpected = await request({});
    broken.mockRestore();
    logged.mockRestore();
    expect(unknownClient.status).toBe(303);
    expect(unknownClient.headers.get("location")).toContain("/errors/urn%3A");
    expect(unexpected.status).toBe(303);
    expect(unexpected.headers.get("location")).toContain(encodeURIComponent("urn:smart-trust-sandbox:error:oauth2:authorize:server-error"));
  });
});
