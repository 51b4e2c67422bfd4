// Identity follows the primary redirect URI (issue: what the patient sees must be true): a public hostname only
// stands in for a redirect URI without a public host of its own; IP literals and loopback cannot be assessed.
import { afterAll, describe, expect, it } from "vitest";
import { POST as register } from "../../app/(authorization-server)/tenants/[tenant]/protocols/oauth2/profiles/smart-v1/register/route";
import { db } from "../db/client";
import { TENANT } from "../../test/oauth-fixtures";
import { updateSettings } from "../tenant-admin/update-settings";
import { createTenant } from "../tenant-admin/tenant-lifecycle";
import { evaluateTrust } from "./evaluate-trust";
import { trustHostChoice } from "./trust-hostname";

async function registered(body: Record<string, unknown>) {
  const request = new Request("http://x/register", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token_endpoint_auth_method: "none", ...body }),
  });
  const response = await register(request, { params: Promise.resolve({ tenant: TENANT }) });
  expect(response.status).toBe(201);
  return (await response.json()).client_id as string;
}

const organization = { name: "MyHealth Demo Inc.", country: "US", state: "MO", locality: "Kansas City" };

describe("whose identity the patient sees", () => {
  afterAll(() => updateSettings(db, TENANT, { publicSuffixRule: "icann" }));

  it("shows an evil redirect URI's own domain as an Unknown App, even when it borrows a verified app's public hostname", async () => {
    const clientId = await registered({
      client_name: "MyHealth Demo",
      redirect_uris: ["https://evil.example/cb"],
      public_hostname: "app.myhealth-demo.com",
      organization,
    });
    const { verdict, findings } = await evaluateTrust(db, clientId, { mode: "inspect" });
    expect(verdict.identity).toMatchObject({ label: "unknown", appName: null, organization: null, domain: "evil.example" });
    expect(findings.map((finding) => finding.code)).toEqual(
      expect.arrayContaining(["certificate.hostname-mismatch", "dns.client-id-record-missing"]),
    );
  });

  it("lets a public hostname stand in for a loopback redirect URI", async () => {
    const clientId = await registered({
      client_name: "Local build",
      redirect_uris: ["http://127.0.0.1:8123/cb"],
      public_hostname: "app.myhealth-demo.com",
      organization,
    });
    const { verdict } = await evaluateTrust(db, clientId, { mode: "inspect" });
    expect(verdict.identity).toMatchObject({ label: "verified", organization: "MyHealth Demo Inc.", domain: "myhealth-demo.com" });
  });

  it("ignores a public hostname when any registered redirect URI has a public host (codes could go there)", () => {
    const choice = trustHostChoice(
      { publicHostname: "app.myhealth-demo.com", redirectUris: ["http://127.0.0.1/cb", "https://evil.example/cb"] },
      "http://localhost:3000",
    );
    expect(choice).toEqual({ hostname: "127.0.0.1", source: "redirect-uri", ignoredPublicHostname: "app.myhealth-demo.com" });
  });

  it("lets a public hostname stand in for a private-use scheme", async () => {
    const clientId = await registered({
      client_name: "Phone app",
      redirect_uris: ["com.myhealth.app:/cb"],
      public_hostname: "app.myhealth-demo.com",
      organization,
    });
    expect((await evaluateTrust(db, clientId, { mode: "inspect" })).verdict.identity).toMatchObject({
      label: "verified",
      domain: "myhealth-demo.com",
    });
  });

  it.each([
    ["an https redirect URI to an IP address", ["https://203.0.113.5/cb"], "203.0.113.5"],
    ["a loopback redirect URI without a public hostname", ["http://localhost:8123/cb"], "localhost"],
  ])("cannot assess %s: Unknown App showing the host", async (_what, redirectUris, host) => {
    const clientId = await registered({ client_name: "Somewhere", redirect_uris: redirectUris, organization });
    const { verdict, findings } = await evaluateTrust(db, clientId, { mode: "inspect" });
    expect(verdict.identity).toMatchObject({ label: "unknown", organization: null, domain: host });
    expect(findings).toEqual([expect.objectContaining({ code: "host.not-assessable", severity: "error" })]);
  });

  it("says which host was used and which public hostname was ignored", () => {
    expect(
      trustHostChoice({ publicHostname: "app.myhealth-demo.com", redirectUris: ["https://evil.example/cb"] }, "http://localhost:3000"),
    ).toEqual({
      hostname: "evil.example",
      source: "redirect-uri",
      ignoredPublicHostname: "app.myhealth-demo.com",
    });
    expect(
      trustHostChoice(
        { publicHostname: "app.myhealth-demo.com", redirectUris: ["https://sandbox.example/demo/cb"] },
        "https://sandbox.example",
      ),
    ).toMatchObject({
      hostname: "app.myhealth-demo.com",
      source: "public-hostname",
    });
    expect(
      trustHostChoice({ publicHostname: "app.example.com", redirectUris: ["http://[::1]:9/cb"] }, "http://localhost:3000").source,
    ).toBe("public-hostname");
  });

  it("changes the public-suffix rule of one tenant only: another tenant's apps keep their domain", async () => {
    const other = await createTenant(db, { name: "Second team" });
    const request = new Request("http://x/register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_name: "Other", redirect_uris: ["https://other.github.io/cb"], token_endpoint_auth_method: "none" }),
    });
    const clientId = (await (await register(request, { params: Promise.resolve({ tenant: other }) })).json()).client_id;
    await updateSettings(db, TENANT, { publicSuffixRule: "icann-and-private" });
    expect((await evaluateTrust(db, clientId, { mode: "inspect" })).verdict.identity.domain).toBe("github.io");
    await updateSettings(db, TENANT, { publicSuffixRule: "icann" });
  });

  it("applies the tenant's public-suffix rule to every app's domain at once", async () => {
    const clientId = await registered({ client_name: "Pages app", redirect_uris: ["https://my-project.github.io/cb"], organization });
    expect((await evaluateTrust(db, clientId, { mode: "inspect" })).verdict.identity.domain).toBe("github.io");
    await updateSettings(db, TENANT, { publicSuffixRule: "icann-and-private" });
    expect((await evaluateTrust(db, clientId, { mode: "inspect" })).verdict.identity.domain).toBe("my-project.github.io");
  });
});
