// Structural checks over every seeded resource: required elements, codes with systems, references that resolve.
import { describe, expect, it } from "vitest";
import { SEED_PATIENTS } from "../../personas/personas";
import { patientRecords, SHARED_RESOURCES, type FhirResource } from "./generate-records";

const REQUIRED: Record<string, string[]> = {
  Patient: ["id", "name", "gender", "birthDate"],
  Observation: ["status", "code", "subject", "effectiveDateTime", "category"],
  Condition: ["code", "subject", "clinicalStatus", "verificationStatus"],
  AllergyIntolerance: ["patient", "code", "clinicalStatus"],
  MedicationRequest: ["status", "intent", "medicationCodeableConcept", "subject"],
  Immunization: ["status", "vaccineCode", "patient", "occurrenceDateTime"],
  Encounter: ["status", "class", "subject"],
  Practitioner: ["name"],
  Organization: ["name"],
};

function walk(value: unknown, visit: (key: string, value: unknown) => void) {
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit));
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      visit(key, child);
      walk(child, visit);
    }
  }
}

describe.each(SEED_PATIENTS)("records of $id", (patient) => {
  const records = patientRecords(patient);
  const all: FhirResource[] = [...records, ...SHARED_RESOURCES];
  const ids = new Set(all.map((r) => `${r.resourceType}/${r.id}`));

  it("are deterministic", () => {
    expect(JSON.stringify(patientRecords({ ...patient }))).toBe(JSON.stringify(records));
  });

  it("have at least 20 observations over two years, with LOINC codes, units and reference ranges", () => {
    const observations = records.filter((r) => r.resourceType === "Observation");
    expect(observations.length).toBeGreaterThanOrEqual(20);
    const dates = observations.map((o) => Date.parse(String(o.effectiveDateTime)));
    expect((Math.max(...dates) - Math.min(...dates)) / 86_400_000).toBeGreaterThan(600);
    for (const observation of observations) {
      expect((observation.code as { coding: { system: string }[] }).coding[0].system).toBe("http://loinc.org");
      expect((observation.valueQuantity as { unit: string; system: string }).system).toBe("http://unitsofmeasure.org");
    }
    expect(observations.some((o) => "referenceRange" in o)).toBe(true);
  });

  it("have every required element, valid ids, systems on every coding and references that resolve", () => {
    for (const resource of all) {
      for (const element of REQUIRED[resource.resourceType])
        expect(resource, `${resource.resourceType}/${resource.id}.${element}`).toHaveProperty(element);
      expect(resource.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
      walk(resource, (key, value) => {
        if (key === "coding")
          for (const coding of value as { system?: string; code?: string }[]) expect(coding.system && coding.code).toBeTruthy();
        if (key === "reference") expect(ids.has(String(value)), `${resource.id} → ${value}`).toBe(true);
      });
    }
  });

  it("have one Patient, conditions, medications, allergies and immunizations", () => {
    for (const type of ["Patient", "Condition", "MedicationRequest", "AllergyIntolerance", "Immunization", "Encounter"]) {
      expect(
        records.some((r) => r.resourceType === type),
        type,
      ).toBe(true);
    }
  });
});

it("gives the older patient many conditions and medications", () => {
  const samuel = patientRecords(SEED_PATIENTS.find((p) => p.id === "samuel-okafor")!);
  expect(samuel.filter((r) => r.resourceType === "Condition").length).toBeGreaterThanOrEqual(6);
  expect(samuel.filter((r) => r.resourceType === "MedicationRequest").length).toBeGreaterThanOrEqual(5);
});
