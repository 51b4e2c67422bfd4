// Reads the patient's record from the FHIR API with the access token, the way any SMART app would.
import { fhirBaseUrl } from "./config";
import { grantsRead, SECTIONS, type Section } from "./granted-sections";
import type { AllergyIntolerance, Bundle, Condition, FhirResource, Immunization, MedicationRequest, Observation, Patient } from "fhir/r4";
import type { HeldTokens } from "./token-refresh";

/** The R4 resource each section of the record holds. */
interface SectionResources {
  vitals: Observation;
  medications: MedicationRequest;
  allergies: AllergyIntolerance;
  conditions: Condition;
  immunizations: Immunization;
}

/** A section's entries, or "not-shared" when the patient did not share it (not granted, or 403 insufficient_scope). */
export type SectionData<S extends Section = Section> = SectionResources[S][] | "not-shared";

export type PatientRecord = { patient: Patient | null } & { [S in Section]: SectionData<S> };

export type RecordResult = { kind: "ok"; record: PatientRecord } | { kind: "unauthorized" } | { kind: "unavailable"; message: string };

class Unauthorized extends Error {}
class NotShared extends Error {}

async function get<T extends FhirResource>(path: string, tokens: HeldTokens): Promise<T> {
  const response = await fetch(`${fhirBaseUrl()}/${path}`, {
    headers: { authorization: `Bearer ${tokens.accessToken}`, accept: "application/fhir+json" },
    cache: "no-store",
  });
  if (response.status === 401) throw new Unauthorized();
  // 403 insufficient_scope: the patient did not share this; not a failure to retry.
  if (response.status === 403) throw new NotShared();
  if (!response.ok) throw new Error(`The health record server answered ${response.status} for ${path.split("?")[0]}.`);
  return response.json();
}

const entries = <T extends FhirResource>(bundle: Bundle<T>): T[] =>
  (bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : []));

/** A search the token allows, or "not-shared" without asking the server for what was not granted. */
async function section<S extends Section>(tokens: HeldTokens, name: S, path: string): Promise<SectionData<S>> {
  if (!grantsRead(tokens.scope, SECTIONS[name].resourceType)) return "not-shared";
  try {
    return entries(await get<Bundle<SectionResources[S]>>(path, tokens));
  } catch (error) {
    if (error instanceof NotShared) return "not-shared";
    throw error;
  }
}

export async function loadRecord(tokens: HeldTokens): Promise<RecordResult> {
  const patient = encodeURIComponent(tokens.patient);
  try {
    const [patientResource, vitals, medications, allergies, conditions, immunizations] = await Promise.all([
      grantsRead(tokens.scope, "Patient")
        ? get<Patient>(`Patient/${patient}`, tokens).catch((error) => (error instanceof NotShared ? null : Promise.reject(error)))
        : null,
      section(tokens, "vitals", `Observation?patient=${patient}&category=vital-signs&_count=200`),
      section(tokens, "medications", `MedicationRequest?patient=${patient}`),
      section(tokens, "allergies", `AllergyIntolerance?patient=${patient}`),
      section(tokens, "conditions", `Condition?patient=${patient}`),
      section(tokens, "immunizations", `Immunization?patient=${patient}`),
    ]);
    return { kind: "ok", record: { patient: patientResource, vitals, medications, allergies, conditions, immunizations } };
  } catch (error) {
    if (error instanceof Unauthorized) return { kind: "unauthorized" };
    return {
      kind: "unavailable",
      message: error instanceof Error && !(error instanceof TypeError) ? error.message : "The health record server cannot be reached.",
    };
  }
}

/** "Leo Chen" from a Patient resource. */
export function patientName(patient: Patient): string {
  const name = patient.name?.[0];
  return [...(name?.given ?? []), name?.family].filter(Boolean).join(" ") || "Unknown patient";
}

/** A series of one vital sign (LOINC code), oldest first. */
export function series(vitals: Observation[], loinc: string): { at: string; value: number; unit: string }[] {
  return vitals
    .filter((observation) => observation.code?.coding?.some((coding) => coding.code === loinc))
    .map((observation) => ({
      at: String(observation.effectiveDateTime),
      value: Number(observation.valueQuantity?.value),
      unit: String(observation.valueQuantity?.unit ?? ""),
    }))
    .sort((a, b) => a.at.localeCompare(b.at));
}
