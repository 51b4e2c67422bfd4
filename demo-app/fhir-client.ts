// Reads the patient's record from the FHIR API with the access token, the way any SMART app would.
import { fhirBaseUrl } from "./config";
import type { HeldTokens } from "./token-refresh";

type Resource = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface PatientRecord {
  patient: Resource;
  vitals: Resource[];
  medications: Resource[];
  allergies: Resource[];
  conditions: Resource[];
  immunizations: Resource[];
}

export type RecordResult = { kind: "ok"; record: PatientRecord } | { kind: "unauthorized" } | { kind: "unavailable"; message: string };

class Unauthorized extends Error {}

async function get(path: string, tokens: HeldTokens): Promise<Resource> {
  const response = await fetch(`${fhirBaseUrl()}/${path}`, { headers: { authorization: `Bearer ${tokens.accessToken}`, accept: "application/fhir+json" }, cache: "no-store" });
  if (response.status === 401) throw new Unauthorized();
  if (!response.ok) throw new Error(`The health record server answered ${response.status} for ${path.split("?")[0]}.`);
  return response.json();
}

const entries = (bundle: Resource) => ((bundle.entry ?? []) as { resource: Resource }[]).map((entry) => entry.resource);

export async function loadRecord(tokens: HeldTokens): Promise<RecordResult> {
  const patient = encodeURIComponent(tokens.patient);
  try {
    const [patientResource, vitals, medications, allergies, conditions, immunizations] = await Promise.all([
      get(`Patient/${patient}`, tokens),
      get(`Observation?patient=${patient}&category=vital-signs&_count=200`, tokens),
      get(`MedicationRequest?patient=${patient}`, tokens),
      get(`AllergyIntolerance?patient=${patient}`, tokens),
      get(`Condition?patient=${patient}`, tokens),
      get(`Immunization?patient=${patient}`, tokens),
    ]);
    return { kind: "ok", record: { patient: patientResource, vitals: entries(vitals), medications: entries(medications), allergies: entries(allergies), conditions: entries(conditions), immunizations: entries(immunizations) } };
  } catch (error) {
    if (error instanceof Unauthorized) return { kind: "unauthorized" };
    return { kind: "unavailable", message: error instanceof Error && !(error instanceof TypeError) ? error.message : "The health record server cannot be reached." };
  }
}

/** "Leo Chen" from a Patient resource. */
export function patientName(patient: Resource): string {
  const name = (patient.name ?? [])[0] ?? {};
  return [...(name.given ?? []), name.family].filter(Boolean).join(" ") || "Unknown patient";
}

/** A series of one vital sign (LOINC code), oldest first. */
export function series(vitals: Resource[], loinc: string): { at: string; value: number; unit: string }[] {
  return vitals
    .filter((observation) => observation.code?.coding?.some((coding: { code?: string }) => coding.code === loinc))
    .map((observation) => ({ at: String(observation.effectiveDateTime), value: Number(observation.valueQuantity?.value), unit: String(observation.valueQuantity?.unit ?? "") }))
    .sort((a, b) => a.at.localeCompare(b.at));
}
