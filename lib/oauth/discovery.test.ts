import { describe, expect, it } from "vitest";
import { GET as smart } from "../../app/r4/[tenant]/.well-known/smart-configuration/route";
import { TENANT } from "../../test/oauth-fixtures";
import { db } from "../db/client";
import { updateSettings } from "../tenant-admin/update-settings";

const call = async () => (await smart(new Request("http://x"), { params: Promise.resolve({ tenant: TENANT }) })).json();

describe("SMART discovery", () => {
  it("advertises the endpoints, S256 only, and the capabilities, with CORS", async () => {
    const response = await smart(new Request("http://x"), { params: Promise.resolve({ tenant: TENANT }) });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = await response.json();
    for (const field of [
      "issuer",
      "jwks_uri",
      "authorization_endpoint",
      "token_endpoint",
      "revocation_endpoint",
      "introspection_endpoint",
      "management_endpoint",
      "registration_endpoint",
    ]) {
      expect(body[field], field).toMatch(/^http:\/\/localhost:3999\//);
    }
    expect(body.code_challenge_methods_supported).toEqual(["S256"]);
    expect(body.response_types_supported).toEqual(["code"]);
    expect(body.capabilities).toEqual(
      expect.arrayContaining(["launch-standalone", "client-public", "permission-offline", "permission-v2", "sso-openid-connect"]),
    );
  });

  it("is computed from the settings: wildcard scopes appear only when allowed", async () => {
    expect((await call()).scopes_supported).not.toContain("patient/*.read");
    await updateSettings(db, TENANT, { wildcardScopesAllowed: true });
    expect((await call()).scopes_supported).toContain("patient/*.read");
  });

  it("answers 404 for an unknown tenant", async () => {
    expect(
      (await smart(new Request("http://x"), { params: Promise.resolve({ tenant: "00000000-0000-0000-0000-000000000000" }) })).status,
    ).toBe(404);
  });
});
