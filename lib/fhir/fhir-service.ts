// Read and search over the patient compartment of the token's patient, with paging, for the FHIR routes.
import type { Db } from "../db/client";
import { fhirBaseUrl } from "../tenancy/urls";
import { requireScope, type FhirAccess } from "./fhir-access";
import { FhirError } from "./fhir-errors";
import { patientRecords, SHARED_RESOURCES, type FhirResource } from "./records/generate-records";
import { dateField, parseDateSearch, SEARCHABLE, SearchParameterError } from "./search-parameters";

const DEFAULT_COUNT = 50;
const MAX_COUNT = 200;
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const ALWAYS_ALLOWED = new Set(["_count", "_offset", "_summary", "_format", "_id"]);

export function assertKnownType(type: string): void {
  if (!Object.hasOwn(SEARCHABLE, type))
    throw new FhirError(404, "not-supported", `resource type "${type}" is not supported by this server`);
}

async function compartment(db: Db, tenantId: string, patientId: string): Promise<FhirResource[]> {
  const patient = await db.patient.findUnique({ where: { id: patientId } });
  if (!patient || patient.tenantId !== tenantId) return [];
  return patientRecords(patient);
}

export async function readResource(db: Db, tenantId: string, access: FhirAccess, type: string, id: string): Promise<FhirResource> {
  assertKnownType(type);
  if (!ID.test(id)) throw new FhirError(404, "not-found", `${type}/${id} is not a valid resource id`);
  requireScope(access, type, "read");
  const pool = SEARCHABLE[type].patientElement === null ? SHARED_RESOURCES : await compartment(db, tenantId, access.patientId);
  const found = pool.find((resource) => resource.resourceType === type && resource.id === id);
  // Another patient's resource is "not found": the token does not reveal that it exists.
  if (!found) throw new FhirError(404, "not-found", `${type}/${id} was not found`);
  return found;
}

function integerParameter(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new FhirError(400, "invalid", `${name} must be a whole number from ${min} to ${max}`);
  return Number(value);
}

export interface SearchResult {
  bundle: Record<string, unknown>;
  count: number;
}

export async function searchResources(
  db: Db,
  tenantId: string,
  access: FhirAccess,
  type: string,
  query: URLSearchParams,
): Promise<SearchResult> {
  assertKnownType(type);
  requireScope(access, type, "search");
  const definition = SEARCHABLE[type];
  const patientParameter =
    definition.patientElement === "subject" ? ["patient", "subject"] : definition.patientElement === "patient" ? ["patient"] : [];

  for (const name of new Set(query.keys())) {
    if (!ALWAYS_ALLOWED.has(name) && !patientParameter.includes(name) && !Object.hasOwn(definition.parameters, name)) {
      throw new FhirError(400, "not-supported", `search parameter "${name}" is not supported for ${type}`);
    }
  }
  for (const name of patientParameter) {
    for (const value of query.getAll(name)) {
      const id = value.replace(/^Patient\//, "");
      if (id !== access.patientId)
        throw new FhirError(403, "forbidden", `the token only gives access to Patient/${access.patientId}`, "insufficient_scope");
    }
  }
  const count = query.has("_count") ? integerParameter("_count", query.get("_count")!, 1, MAX_COUNT) : DEFAULT_COUNT;
  const offset = query.has("_offset") ? integerParameter("_offset", query.get("_offset")!, 0, 1_000_000) : 0;
  const summary = query.get("_summary");
  if (summary && summary !== "count") throw new FhirError(400, "not-supported", `_summary=${summary} is not supported; use _summary=count`);

  let matches = definition.patientElement === null ? SHARED_RESOURCES : await compartment(db, tenantId, access.patientId);
  matches = matches.filter((resource) => resource.resourceType === type);
  try {
    for (const [name, value] of query.entries()) {
      if (name === "_id") {
        const ids = value.split(",");
        matches = matches.filter((resource) => ids.includes(resource.id));
      } else if (Object.hasOwn(definition.parameters, name)) {
        const matcher = definition.parameters[name];
        if (matcher === "date") {
          const test = parseDateSearch(value);
          matches = matches.filter((resource) => test(dateField(type)?.(resource)));
        } else {
          matches = matches.filter((resource) => matcher(resource, value));
        }
      }
    }
  } catch (error) {
    if (error instanceof SearchParameterError) throw new FhirError(400, "invalid", error.message);
    throw error;
  }

  const base = fhirBaseUrl(tenantId);
  const selfQuery = new URLSearchParams(query);
  const bundle: Record<string, unknown> = { resourceType: "Bundle", type: "searchset", total: matches.length };
  if (summary === "count") return { bundle: { ...bundle, link: [{ relation: "self", url: `${base}/${type}?${selfQuery}` }] }, count: 0 };
  const page = matches.slice(offset, offset + count);
  const links = [{ relation: "self", url: `${base}/${type}?${selfQuery}` }];
  if (offset + count < matches.length) {
    const next = new URLSearchParams(query);
    next.set("_count", String(count));
    next.set("_offset", String(offset + count));
    links.push({ relation: "next", url: `${base}/${type}?${next}` });
  }
  return {
    bundle: {
      ...bundle,
      link: links,
      entry: page.map((resource) => ({ fullUrl: `${base}/${type}/${resource.id}`, resource, search: { mode: "match" } })),
    },
    count: page.length,
  };
}
