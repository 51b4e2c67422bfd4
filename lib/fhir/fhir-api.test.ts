// Route-level tests of the FHIR API: scopes (v1 and v2), compartment isolation, search and paging over the
// seeded records, and a 4xx OperationOutcome for every bad input.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as search } from "../../app/r4/[tenant]/[type]/route";
import { GET as read } from "../../app/r4/[tenant]/[type]/[id]/route";
import { GET as metadata } from "../../app/r4/[tenant]/metadata/route";
import { db } from "../db/client";
import { resetClock } from "../clock/sandbox-clock";
import { FHIR_BASE, newApp, TENANT, tokensFor } from "../../test/oauth-fixtures";
import { log } from "../log/logger";

const FULL =
  "launch/patient openid fhirUser offline_access patient/Patient.read patient/Observation.read patient/Condition.rs patient/AllergyIntolerance.r patient/MedicationRequest.s patient/Immunization.read patient/Encounter.read patient/Practitioner.read";
let token: string;
let leoToken: string;

beforeAll(async () => {
  await resetClock(db, TENANT);
  const app = await newApp({ scope: FULL });
  token = (await tokensFor(app.client_id, { scope: FULL, personId: "person-samuel-okafor", patientId: "samuel-okafor" })).access_token;
  leoToken = (await tokensFor(app.client_id, { scope: FULL, personId: "person-maya-chen", patientId: "leo-chen" })).access_token;
});

const auth = (bearer: string | null): Record<string, string> => (bearer ? { authorization: `Bearer ${bearer}` } : {});
function get(path: string, bearer: string | null = token): Promise<Response> {
  const url = new URL(`${FHIR_BASE}/${path}`);
  const [type, id] = url.pathname.split("/").slice(3);
  const request = new Request(url, { headers: auth(bearer) });
  return id !== undefined
    ? read(request, { params: Promise.resolve({ tenant: TENANT, type, id }) })
    : search(request, { params: Promise.resolve({ tenant: TENANT, type }) });
}

async function bundle(path: string, bearer: string | null = token) {
  const response = await get(path, bearer);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as {
    total: number;
    entry?: { resource: Record<string, unknown> }[];
    link: { relation: string; url: string }[];
  };
}

async function outcome(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/fhir+json");
  const body = await response.json();
  expect(body.resourceType).toBe("OperationOutcome");
  return body;
}

describe("authorization", () => {
  it("answers 401 with WWW-Authenticate invalid_token without or with a bad token", async () => {
    for (const bearer of [null, "not-a-jwt"]) {
      const response = await get("Observation", bearer);
      await outcome(response, 401);
      expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
    }
  });

  it.each([
    ["v1 .read allows search", "Observation", 200],
    ["v2 .rs allows search", "Condition", 200],
    ["v2 .r alone does not allow search", "AllergyIntolerance", 403],
    ["v2 .s allows search", "MedicationRequest", 200],
    ["no scope for the type", "Organization", 403],
  ])("%s (%s → %i)", async (_what, type, status) => {
    const response = await get(`${type}?patient=samuel-okafor`.replace("Organization?patient=samuel-okafor", "Organization"));
    expect(response.status).toBe(status);
    if (status === 403) expect(response.headers.get("www-authenticate")).toContain("insufficient_scope");
  });

  it("v2 .r allows read but .s alone does not", async () => {
    expect((await get("AllergyIntolerance/samuel-okafor-allergy-1")).status).toBe(200);
    expect((await get("MedicationRequest/samuel-okafor-med-1")).status).toBe(403);
  });

  it("never returns another patient's data", async () => {
    await outcome(await get("Observation/leo-chen-obs-1"), 404);
    await outcome(await get("Observation?patient=leo-chen"), 403);
    const patients = await bundle("Patient");
    expect(patients.entry!.map((e) => e.resource.id)).toEqual(["samuel-okafor"]);
    const leo = await bundle("Observation", leoToken);
    expect(leo.entry!.every((e) => (e.resource.subject as { reference: string }).reference === "Patient/leo-chen")).toBe(true);
  });
});

describe("search and paging", () => {
  it("follows next links until the end and counts every Observation", async () => {
    const first = await bundle("Observation?patient=samuel-okafor&_count=7");
    let seen = first.entry!.length;
    let next = first.link.find((l) => l.relation === "next")?.url;
    while (next) {
      const page = await bundle(next.slice(FHIR_BASE.length + 1));
      seen += page.entry!.length;
      next = page.link.find((l) => l.relation === "next")?.url;
    }
    expect(seen).toBe(first.total);
    expect(first.total).toBeGreaterThanOrEqual(20);
  });

  it("filters by category, code (with and without system), date prefixes and clinical-status", async () => {
    const vitals = await bundle("Observation?category=vital-signs&_count=200");
    const labs = await bundle("Observation?category=laboratory&_count=200");
    const all = await bundle("Observation?_summary=count");
    expect(vitals.total + labs.total).toBe(all.total);
    expect((await bundle("Observation?code=http://loinc.org|4548-4")).total).toBe((await bundle("Observation?code=4548-4")).total);
    const recent = await bundle("Observation?date=ge2026-01-01&_count=200");
    expect(recent.entry!.every((e) => String(e.resource.effectiveDateTime) >= "2026-01-01")).toBe(true);
    const window = await bundle("Observation?date=ge2025-06-01&date=lt2026-01-01&_count=200");
    expect(
      window.entry!.every(
        (e) => String(e.resource.effectiveDateTime) >= "2025-06-01" && String(e.resource.effectiveDateTime) < "2026-01-01",
      ),
    ).toBe(true);
    const active = await bundle("Condition?clinical-status=active");
    const resolved = await bundle("Condition?clinical-status=resolved");
    expect(active.total).toBeGreaterThan(3);
    expect(active.total + resolved.total).toBe((await bundle("Condition")).total);
    expect((await bundle("Observation?_id=samuel-okafor-obs-1")).total).toBe(1);
  });

  it("answers _summary=count with a total and no entries", async () => {
    const counted = await bundle("Observation?_summary=count");
    expect(counted.entry).toBeUndefined();
    expect(counted.total).toBeGreaterThan(0);
  });
});

describe("bad input", () => {
  it.each([
    ["Observation?date=2026-13-45", 400],
    ["Observation?date=yesterday", 400],
    ["Observation?_count=-1", 400],
    ["Observation?_count=100000", 400],
    ["Observation?_count=abc", 400],
    ["Observation?colour=blue", 400],
    ["Observation?_summary=data", 400],
    ["Spaceship", 404],
    ["Observation/..%2F..%2Fetc%2Fpasswd", 404],
    ["Observation/a%20b", 404],
    ["Observation/does-not-exist", 404],
  ])("%s → %i OperationOutcome", async (path, status) => {
    await outcome(await get(path), status);
  });
});

describe("metadata", () => {
  it("is a CapabilityStatement with the SMART oauth-uris extension", async () => {
    const response = await metadata(new Request(`${FHIR_BASE}/metadata`), { params: Promise.resolve({ tenant: TENANT }) });
    const body = await response.json();
    expect(body.resourceType).toBe("CapabilityStatement");
    expect(body.fhirVersion).toBe("4.0.1");
    const uris = body.rest[0].security.extension[0].extension.map((e: { url: string }) => e.url);
    expect(uris).toEqual(expect.arrayContaining(["authorize", "token", "revoke", "introspect", "manage"]));
  });
});

describe("an error path that cannot fail", () => {
  it("answers an OperationOutcome with the correlation id when the database fails, and still when the event cannot be written", async () => {
    const { vi } = await import("vitest");
    const logged = vi.spyOn(log, "error");
    const failing = vi.spyOn(db.tenant, "findUnique").mockRejectedValue(new Error("connection lost"));
    const eventFails = vi.spyOn(db.event, "create").mockImplementation(() => {
      throw new Error("disk full");
    });
    const response = await get("Patient/samuel-okafor");
    const lines = logged.mock.calls.map((call) => String((call[0] as { correlationId?: string }).correlationId));
    failing.mockRestore();
    eventFails.mockRestore();
    logged.mockRestore();
    expect(response.status).toBe(500);
    const correlationId = response.headers.get("x-correlation-id")!;
    expect(await response.json()).toMatchObject({
      resourceType: "OperationOutcome",
      issue: [{ code: "exception", diagnostics: expect.stringContaining(correlationId) }],
    });
    expect(lines.filter((line) => line.includes(correlationId))).toHaveLength(2);
  });
});
