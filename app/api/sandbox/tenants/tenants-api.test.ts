// Route-level tests of tenants on demand, headless grant control and one-shot faults: what a parallel QA suite
// relies on — nothing one tenant does is visible in another.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hashToken } from "@/lib/secrets/hashing";
import { POST as createTenant } from "./route";
import { DELETE as deleteTenant, GET as getTenant } from "./[tenant]/route";
import { GET as getClock, POST as postClock } from "./[tenant]/clock/route";
import { GET as getSettings, PATCH as patchSettings } from "./[tenant]/settings/route";
import { POST as postReset } from "./[tenant]/reset/route";
import { GET as getEvents } from "./[tenant]/events/route";
import { POST as postScenario } from "./[tenant]/apps/[clientId]/scenarios/route";
import { POST as postNextToken } from "./[tenant]/apps/[clientId]/next-token/route";
import { GET as listGrants, POST as approveGrant } from "./[tenant]/grants/route";
import { POST as grantAction } from "./[tenant]/grants/[grantId]/[action]/route";
import { GET as unknownPath } from "../[...unknown]/route";
import { POST as registerRoute } from "@/app/(authorization-server)/tenants/[tenant]/protocols/oauth2/profiles/smart-v1/register/route";
import { POST as tokenRoute } from "@/app/(authorization-server)/tenants/[tenant]/protocols/oauth2/profiles/smart-v1/token/route";

const base = "http://localhost:3999/api/sandbox/tenants";
const SCOPE = "launch/patient openid fhirUser offline_access patient/Patient.read patient/Observation.read";
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const send = (method: string, url: string, body?: unknown) =>
  new Request(url, {
    method,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
const at = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

async function newTenant(body: Json = {}): Promise<Json> {
  const response = await createTenant(send("POST", base, body), at({}));
  expect(response.status).toBe(201);
  return response.json();
}

async function registerIn(tenantId: string, overrides: Json = {}): Promise<Json> {
  const request = send("POST", `http://x/tenants/${tenantId}/register`, {
    client_name: "Tenant QA App",
    redirect_uris: ["https://qa.tenant-app.example.com/cb"],
    token_endpoint_auth_method: "none",
    scope: SCOPE,
    organization: { name: "Tenant QA Inc.", country: "US", state: "CA", locality: "San Diego" },
    ...overrides,
  });
  const response = await registerRoute(request, at({ tenant: tenantId }));
  expect(response.status).toBe(201);
  return response.json();
}

const refresh = (tenantId: string, refreshToken: string) =>
  tokenRoute(
    new Request(`http://x/tenants/${tenantId}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken }).toString(),
    }),
    at({ tenant: tenantId }),
  );

async function headlessTokens(tenantId: string, clientId: string, username = "avarivera"): Promise<Json> {
  const response = await approveGrant(
    send("POST", `${base}/${tenantId}/grants`, { client_id: clientId, username, issue: "tokens" }),
    at({ tenant: tenantId }),
  );
  expect(response.status).toBe(201);
  return response.json();
}

describe("tenants on demand", () => {
  it("creates a tenant with its own URLs, copies of the seeded patients and accounts, and the lockout off", async () => {
    const tenant = await newTenant({ name: "Worker 1", settings: { suspensionPolicy: "identity" } });
    expect(tenant.fhirBase).toBe(`http://localhost:3999/r4/${tenant.tenantId}`);
    expect(tenant.discovery).toBe(`${tenant.fhirBase}/.well-known/smart-configuration`);
    expect(tenant.patients.map((patient: Json) => patient.persona).sort()).toEqual([
      "ava-rivera",
      "leo-chen",
      "maya-chen",
      "samuel-okafor",
    ]);
    expect(tenant.patients.every((patient: Json) => patient.id !== patient.persona)).toBe(true);
    expect(tenant.accounts.map((account: Json) => account.username).sort()).toEqual(["avarivera", "mayachen", "samuelokafor"]);
    expect(tenant.settings).toMatchObject({ suspensionPolicy: "identity", loginLockoutFailures: 0, autoLogin: false });
    expect((await getTenant(send("GET", `${base}/${tenant.tenantId}`), at({ tenant: tenant.tenantId }))).status).toBe(200);
  });

  it("moving one tenant's clock, changing its policy and resetting it leave another tenant untouched", async () => {
    const one = await newTenant();
    const other = await newTenant();
    const otherApp = await registerIn(other.tenantId);
    const otherGrant = (await headlessTokens(other.tenantId, otherApp.client_id)).grant;
    const oneApp = await registerIn(one.tenantId);
    await headlessTokens(one.tenantId, oneApp.client_id);

    expect((await postClock(send("POST", `${base}/${one.tenantId}/clock`, { advance: "P91D" }), at({ tenant: one.tenantId }))).status).toBe(
      200,
    );
    expect(
      (
        await patchSettings(
          send("PATCH", `${base}/${one.tenantId}/settings`, { suspensionPolicy: "identity" }),
          at({ tenant: one.tenantId }),
        )
      ).status,
    ).toBe(200);
    expect((await postReset(send("POST", `${base}/${one.tenantId}/reset`), at({ tenant: one.tenantId }))).status).toBe(200);

    const otherClock = await (await getClock(send("GET", `${base}/${other.tenantId}/clock`), at({ tenant: other.tenantId }))).json();
    expect(otherClock.offsetSeconds).toBe(0);
    expect(
      (await (await getSettings(send("GET", `${base}/${other.tenantId}/settings`), at({ tenant: other.tenantId }))).json())
        .suspensionPolicy,
    ).toBe("strict");
    expect(await db.client.count({ where: { tenantId: other.tenantId } })).toBe(1);
    const grants = await (await listGrants(send("GET", `${base}/${other.tenantId}/grants`), at({ tenant: other.tenantId }))).json();
    expect(grants.grants).toEqual([expect.objectContaining({ id: otherGrant.id, status: "active" })]);

    expect(await db.client.count({ where: { tenantId: one.tenantId } })).toBe(0);
    expect(await db.patient.count({ where: { tenantId: one.tenantId } })).toBe(4);
    const oneClock = await (await getClock(send("GET", `${base}/${one.tenantId}/clock`), at({ tenant: one.tenantId }))).json();
    expect(oneClock.offsetSeconds).toBe(0);
  });

  it("deletes a tenant and everything in it; refuses to delete the default tenant", async () => {
    const tenant = await newTenant();
    const app = await registerIn(tenant.tenantId);
    await headlessTokens(tenant.tenantId, app.client_id);
    expect((await deleteTenant(send("DELETE", `${base}/${tenant.tenantId}`), at({ tenant: tenant.tenantId }))).status).toBe(204);
    for (const count of [
      db.client.count({ where: { tenantId: tenant.tenantId } }),
      db.grant.count({ where: { tenantId: tenant.tenantId } }),
      db.event.count({ where: { tenantId: tenant.tenantId } }),
      db.patient.count({ where: { tenantId: tenant.tenantId } }),
    ]) {
      expect(await count).toBe(0);
    }
    expect((await getTenant(send("GET", `${base}/${tenant.tenantId}`), at({ tenant: tenant.tenantId }))).status).toBe(404);
    const defaultTenant = "d1f6e9a2-5c3b-4e8f-a7d0-3b2c1e0f9a84";
    expect((await deleteTenant(send("DELETE", `${base}/${defaultTenant}`), at({ tenant: defaultTenant }))).status).toBe(409);
  });

  it("refuses unknown fields, unknown query parameters and unknown paths with JSON errors", async () => {
    expect((await createTenant(send("POST", base, { colour: "blue" }), at({}))).status).toBe(400);
    const tenant = await newTenant();
    const response = await getClock(send("GET", `${base}/${tenant.tenantId}/clock?verbose=1`), at({ tenant: tenant.tenantId }));
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/unknown query parameter\(s\) "verbose"/);
    const missing = await unknownPath(send("GET", "http://localhost:3999/api/sandbox/nothing-here"), at({}));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toBe("not_found");
  });

  it("refuses a reset with a body it does not take, and changes nothing", async () => {
    const tenant = await newTenant();
    await postClock(send("POST", `${base}/${tenant.tenantId}/clock`, { advance: "P1D" }), at({ tenant: tenant.tenantId }));
    expect((await postReset(send("POST", `${base}/${tenant.tenantId}/reset`, { foo: 1 }), at({ tenant: tenant.tenantId }))).status).toBe(
      400,
    );
    const xml = new Request(`${base}/${tenant.tenantId}/reset`, {
      method: "POST",
      headers: { "content-type": "application/xml" },
      body: "<reset/>",
    });
    expect((await postReset(xml, at({ tenant: tenant.tenantId }))).status).toBe(415);
    expect(
      (await (await getClock(send("GET", `${base}/${tenant.tenantId}/clock`), at({ tenant: tenant.tenantId }))).json()).offsetSeconds,
    ).toBeGreaterThan(86_000);
    expect((await postReset(send("POST", `${base}/${tenant.tenantId}/reset`, {}), at({ tenant: tenant.tenantId }))).status).toBe(200);
  });

  it("does not reach another tenant's apps through its own routes", async () => {
    const mine = await newTenant();
    const theirs = await newTenant();
    const theirApp = await registerIn(theirs.tenantId);
    const response = await postScenario(
      send("POST", `${base}/${mine.tenantId}/apps/${theirApp.client_id}/scenarios`, { scenario: "certificate-expired" }),
      at({ tenant: mine.tenantId, clientId: theirApp.client_id }),
    );
    expect(response.status).toBe(404);
  });
});

describe("headless grant control", () => {
  it("approves as the patient would and answers tokens; suspends, re-approves and the same refresh token works again", async () => {
    const tenant = await newTenant();
    const app = await registerIn(tenant.tenantId);
    const { grant, tokens } = await headlessTokens(tenant.tenantId, app.client_id);
    expect(grant).toMatchObject({
      status: "active",
      username: "avarivera",
      patientId: tenant.patients.find((p: Json) => p.persona === "ava-rivera").id,
    });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(await db.event.count({ where: { grantId: grant.id, type: "grant.created" } })).toBe(1);

    const action = (name: string, body?: unknown) =>
      grantAction(
        send("POST", `${base}/${tenant.tenantId}/grants/${grant.id}/${name}`, body),
        at({ tenant: tenant.tenantId, grantId: grant.id, action: name }),
      );
    expect((await (await action("suspend")).json()).status).toBe("suspended");
    expect((await refresh(tenant.tenantId, tokens.refresh_token)).status).toBe(400);
    expect((await (await action("reapprove")).json()).status).toBe("active");
    expect((await refresh(tenant.tenantId, tokens.refresh_token)).status).toBe(200);
    expect((await action("reinstate")).status).toBe(409);
    expect((await action("fly")).status).toBe(404);
  });

  it("answers a code and its verifier for the client's redirect URI", async () => {
    const tenant = await newTenant();
    const app = await registerIn(tenant.tenantId);
    const response = await approveGrant(
      send("POST", `${base}/${tenant.tenantId}/grants`, { client_id: app.client_id, username: "avarivera", issue: "code" }),
      at({ tenant: tenant.tenantId }),
    );
    const body = await response.json();
    expect(body).toMatchObject({
      code: expect.any(String),
      code_verifier: expect.any(String),
      redirect_uri: "https://qa.tenant-app.example.com/cb",
    });
    expect(await db.authorizationCode.findUnique({ where: { codeHash: hashToken(body.code) } })).not.toBeNull();
  });

  it("needs the patient for a proxy, and refuses one the account may not act for", async () => {
    const tenant = await newTenant();
    const app = await registerIn(tenant.tenantId);
    const post = (body: Json) =>
      approveGrant(
        send("POST", `${base}/${tenant.tenantId}/grants`, { client_id: app.client_id, ...body }),
        at({ tenant: tenant.tenantId }),
      );
    expect((await post({ username: "mayachen" })).status).toBe(400);
    const leo = tenant.patients.find((p: Json) => p.persona === "leo-chen").id;
    expect((await (await post({ username: "mayachen", patient: leo })).json()).grant.patientId).toBe(leo);
    expect((await post({ username: "avarivera", patient: leo })).status).toBe(400);
  });

  it("ages a grant past 90 days so its next refresh is refused as revoked", async () => {
    const tenant = await newTenant();
    const app = await registerIn(tenant.tenantId);
    const { grant, tokens } = await headlessTokens(tenant.tenantId, app.client_id);
    const aged = await grantAction(
      send("POST", `${base}/${tenant.tenantId}/grants/${grant.id}/age`, { by: "P91D" }),
      at({ tenant: tenant.tenantId, grantId: grant.id, action: "age" }),
    );
    expect(aged.status).toBe(200);
    const refused = await refresh(tenant.tenantId, tokens.refresh_token);
    expect((await refused.json()).error_uri).toContain(encodeURIComponent("urn:smart-trust-sandbox:error:oauth2:grant:revoked"));
  });
});

describe("one-shot faults", () => {
  it.each([
    ["suspended", 400, "invalid_grant", "grant:suspended"],
    ["revoked", 400, "invalid_grant", "grant:revoked"],
    ["invalid_client", 401, "invalid_client", "token:invalid-client"],
    ["server_error", 500, "server_error", "token:server-error"],
  ])("next-token %s answers the next refresh exactly that, then normal service resumes", async (answer, status, error, urn) => {
    const tenant = await newTenant();
    const app = await registerIn(tenant.tenantId);
    const { tokens } = await headlessTokens(tenant.tenantId, app.client_id);
    const queued = await postNextToken(
      send("POST", `${base}/${tenant.tenantId}/apps/${app.client_id}/next-token`, { answer }),
      at({ tenant: tenant.tenantId, clientId: app.client_id }),
    );
    expect(queued.status).toBe(201);
    const faulted = await refresh(tenant.tenantId, tokens.refresh_token);
    expect(faulted.status).toBe(status);
    const body = await faulted.json();
    expect(body.error).toBe(error);
    expect(decodeURIComponent(body.error_uri)).toContain(urn);
    expect((await refresh(tenant.tenantId, tokens.refresh_token)).status).toBe(200);
  });
});

describe("events for assertions", () => {
  it("pages a tenant's activity with a cursor and finds an exchange by correlation id", async () => {
    const tenant = await newTenant();
    const app = await registerIn(tenant.tenantId);
    const { tokens } = await headlessTokens(tenant.tenantId, app.client_id);
    const refused = await refresh(tenant.tenantId, "nope");
    const correlation = refused.headers.get("x-correlation-id")!;
    const events = (query: string) => getEvents(send("GET", `${base}/${tenant.tenantId}/events?${query}`), at({ tenant: tenant.tenantId }));
    const first = await (await events("limit=2")).json();
    expect(first.events).toHaveLength(2);
    const second = await (await events(`limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.events[0].id).not.toBe(first.events[1].id);
    expect(new Date(second.events[0].createdAt).getTime()).toBeLessThanOrEqual(new Date(first.events[1].createdAt).getTime());
    const byCorrelation = await (await events(`correlation=${correlation}`)).json();
    expect(byCorrelation.events.map((event: Json) => event.type)).toContain("token.failed");
    expect(JSON.stringify(first)).not.toContain(tokens.refresh_token);
    expect((await events("cursor=garbage")).status).toBe(400);
  });
});
