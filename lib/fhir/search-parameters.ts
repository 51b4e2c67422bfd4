// The search parameters each resource type supports, and how a parameter value matches a resource.
import type { FhirResource } from "./records/generate-records";

type Codeable = { coding?: { system?: string; code?: string }[] };
type Matcher = (resource: FhirResource, value: string) => boolean;

export class SearchParameterError extends Error {}

/** Token search (`code`, `system|code`, comma = OR) against one or more CodeableConcepts. */
function tokenMatch(concepts: (resource: FhirResource) => (Codeable | string | undefined)[]): Matcher {
  return (resource, value) => {
    const wanted = value.split(",").map((part) => (part.includes("|") ? part.split("|") : [null, part]));
    return concepts(resource).some((concept) => {
      if (typeof concept === "string") return wanted.some(([, code]) => code === concept);
      return (concept?.coding ?? []).some((coding) =>
        wanted.some(([system, code]) => code === coding.code && (!system || system === coding.system)),
      );
    });
  };
}

const DATE_VALUE = /^(ge|le|gt|lt|eq)?(\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?)$/;

/** The instant range a (partial) FHIR date covers. */
function dateRange(text: string): [number, number] {
  const parts = text.split(/[-T:]/);
  if (text.length === 4) return [Date.UTC(+text, 0, 1), Date.UTC(+text + 1, 0, 1) - 1];
  if (text.length === 7) return [Date.UTC(+parts[0], +parts[1] - 1, 1), Date.UTC(+parts[0], +parts[1], 1) - 1];
  if (text.length === 10) {
    const start = Date.UTC(+parts[0], +parts[1] - 1, +parts[2]);
    if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== text)
      throw new SearchParameterError(`"${text}" is not a valid date`);
    return [start, start + 86_400_000 - 1];
  }
  const instant = Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(instant)) throw new SearchParameterError(`"${text}" is not a valid date`);
  return [instant, instant];
}

/** Validates a date search value; returns a matcher for a resource's date. */
export function parseDateSearch(value: string): (date: string | undefined) => boolean {
  const match = DATE_VALUE.exec(value);
  if (!match) throw new SearchParameterError(`date value "${value}" must be [ge|le|gt|lt|eq]YYYY[-MM[-DD[Thh:mm[:ss]]]]`);
  const prefix = match[1] ?? "eq";
  const [low, high] = dateRange(match[2]);
  return (date) => {
    if (!date) return false;
    const [start, end] = dateRange(date.length > 10 ? date : date);
    if (prefix === "eq") return start >= low && end <= high;
    if (prefix === "ge") return end >= low;
    if (prefix === "gt") return end > high;
    if (prefix === "le") return start <= high;
    return start < low;
  };
}

/** An element of a resource by name, as FHIR search reads it (the types differ per resource). */
const element = (resource: FhirResource, field: string): unknown => (resource as unknown as Record<string, unknown>)[field];

const dateOf = (field: string) => (resource: FhirResource) => {
  const value = element(resource, field);
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "start" in value) return (value as { start: string }).start;
  return undefined;
};

const DATE_FIELDS: Record<string, (resource: FhirResource) => string | undefined> = {
  Observation: dateOf("effectiveDateTime"),
  Encounter: dateOf("period"),
  Immunization: dateOf("occurrenceDateTime"),
  Condition: dateOf("onsetDateTime"),
  MedicationRequest: dateOf("authoredOn"),
};

export interface TypeSearch {
  /** The reference element that points at the patient (null for shared resources). */
  patientElement: "subject" | "patient" | "id" | null;
  parameters: Record<string, Matcher | "date">;
}

const get = (field: string) => (resource: FhirResource) => {
  const value = element(resource, field);
  return (Array.isArray(value) ? value : [value]) as (Codeable | string | undefined)[];
};

export const SEARCHABLE: Record<string, TypeSearch> = {
  Patient: { patientElement: "id", parameters: {} },
  Observation: {
    patientElement: "subject",
    parameters: { category: tokenMatch(get("category")), code: tokenMatch(get("code")), date: "date" },
  },
  Condition: {
    patientElement: "subject",
    parameters: {
      category: tokenMatch(get("category")),
      code: tokenMatch(get("code")),
      "clinical-status": tokenMatch(get("clinicalStatus")),
      date: "date",
    },
  },
  AllergyIntolerance: {
    patientElement: "patient",
    parameters: { code: tokenMatch(get("code")), "clinical-status": tokenMatch(get("clinicalStatus")) },
  },
  MedicationRequest: {
    patientElement: "subject",
    parameters: { status: tokenMatch(get("status")), code: tokenMatch(get("medicationCodeableConcept")), date: "date" },
  },
  Immunization: {
    patientElement: "patient",
    parameters: { "vaccine-code": tokenMatch(get("vaccineCode")), status: tokenMatch(get("status")), date: "date" },
  },
  Encounter: { patientElement: "subject", parameters: { status: tokenMatch(get("status")), date: "date" } },
  Practitioner: { patientElement: null, parameters: {} },
  Organization: { patientElement: null, parameters: {} },
};

export function dateField(type: string) {
  return DATE_FIELDS[type];
}
