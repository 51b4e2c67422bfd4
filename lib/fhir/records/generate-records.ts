// Deterministic synthetic health records for a seeded patient: the same patient always gets the same
// resources, spread over the two years before a fixed date, and every reference resolves.
import type {
  AllergyIntolerance,
  Condition,
  Encounter,
  FhirResource as R4Resource,
  Immunization,
  MedicationRequest,
  Observation,
  Organization,
  Patient,
  Practitioner,
} from "fhir/r4";
import { ownEntry } from "../../util/own-entry";
import { ALLERGIES, CONDITIONS, IMMUNIZATIONS, MEDICATIONS, OBSERVATION_KINDS, PATIENT_WEIGHT_KG, SYSTEMS } from "./catalog";

/** A resource of the mock API: an R4 resource (@types/fhir), always with its id. */
export type FhirResource = R4Resource & { id: string };

export interface PatientRow {
  id: string;
  /** The seeded persona whose records this patient has (tenants created on demand copy the personas). */
  persona?: string | null;
  givenName: string;
  familyName: string;
  birthDate: string;
  gender: string;
}

/** Records end here so that they never change with the date the sandbox runs on. */
export const RECORDS_END = new Date("2026-11-01T15:00:00Z");
const VISITS = 12;
const VISIT_SPACING_DAYS = 60;

export const ORGANIZATION: Organization & { id: string } = {
  resourceType: "Organization",
  id: "sandbox-health-clinic",
  active: true,
  name: "Sandbox Health Clinic",
  telecom: [{ system: "phone", value: "+1-816-555-0100", use: "work" }],
  address: [{ line: ["100 Sandbox Way"], city: "Kansas City", state: "MO", postalCode: "64105", country: "US" }],
};

export const PRACTITIONERS: (Practitioner & { id: string })[] = [
  {
    resourceType: "Practitioner",
    id: "dr-elena-morales",
    active: true,
    name: [{ family: "Morales", given: ["Elena"], prefix: ["Dr."] }],
    gender: "female",
  },
  {
    resourceType: "Practitioner",
    id: "dr-james-whitfield",
    active: true,
    name: [{ family: "Whitfield", given: ["James"], prefix: ["Dr."] }],
    gender: "male",
  },
];

/** mulberry32 seeded by the patient id: deterministic and independent per patient. */
function randomFor(seedText: string): () => number {
  let seed = [...seedText].reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) | 0, 7);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Which persona's catalog entries and random stream a patient gets: the same records in every tenant. */
const personaOf = (patient: PatientRow) => patient.persona ?? patient.id;

const coding = (system: string, code: string, display: string) => ({ coding: [{ system, code, display }], text: display });
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const patientRef = (patient: PatientRow) => ({ reference: `Patient/${patient.id}`, display: `${patient.givenName} ${patient.familyName}` });

function ageAt(birthDate: string, at: Date): number {
  return (at.getTime() - Date.parse(birthDate)) / (365.25 * 86_400_000);
}

const GENDERS = ["male", "female", "other", "unknown"] as const;
const administrativeGender = (value: string): Patient["gender"] => GENDERS.find((gender) => gender === value) ?? "unknown";

export function patientResource(patient: PatientRow): Patient & { id: string } {
  return {
    resourceType: "Patient",
    id: patient.id,
    active: true,
    identifier: [{ system: "urn:smart-trust-sandbox:mrn", value: `MRN-${patient.id.toUpperCase()}` }],
    name: [{ use: "official", family: patient.familyName, given: [patient.givenName] }],
    gender: administrativeGender(patient.gender),
    birthDate: patient.birthDate,
    address: [{ use: "home", city: "Kansas City", state: "MO", country: "US" }],
    generalPractitioner: [{ reference: `Practitioner/${PRACTITIONERS[0].id}` }],
    managingOrganization: { reference: `Organization/${ORGANIZATION.id}` },
  };
}

function encounters(patient: PatientRow, random: () => number): (Encounter & { id: string })[] {
  return Array.from({ length: VISITS }, (_, index) => {
    const start = new Date(
      RECORDS_END.getTime() - (VISITS - 1 - index) * VISIT_SPACING_DAYS * 86_400_000 - Math.floor(random() * 5) * 86_400_000,
    );
    const end = new Date(start.getTime() + 30 * 60_000);
    const practitioner = PRACTITIONERS[index % PRACTITIONERS.length];
    return {
      resourceType: "Encounter",
      id: `${patient.id}-enc-${index + 1}`,
      status: "finished",
      class: { system: SYSTEMS.actCode, code: "AMB", display: "ambulatory" },
      type: [coding(SYSTEMS.snomed, "185349003", "Encounter for check up")],
      subject: patientRef(patient),
      participant: [{ individual: { reference: `Practitioner/${practitioner.id}` } }],
      period: { start: start.toISOString(), end: end.toISOString() },
      serviceProvider: { reference: `Organization/${ORGANIZATION.id}` },
    };
  });
}

function observations(patient: PatientRow, visits: (Encounter & { id: string })[], random: () => number): (Observation & { id: string })[] {
  const result: (Observation & { id: string })[] = [];
  for (const [index, visit] of visits.entries()) {
    const when = (visit.period as { start: string }).start;
    const child = ageAt(patient.birthDate, new Date(when)) < 18;
    for (const kind of OBSERVATION_KINDS) {
      if (kind.adultOnly && (child || index % 3 !== 0)) continue;
      const [low, high] =
        kind.code === "29463-7"
          ? [PATIENT_WEIGHT_KG[personaOf(patient)] * 0.97, PATIENT_WEIGHT_KG[personaOf(patient)] * 1.03]
          : kind.spread;
      const value = round(low + random() * (high - low), kind.decimals);
      const referenceRange =
        kind.code === "29463-7"
          ? undefined
          : [
              {
                low: { value: kind.low, unit: kind.unit, system: SYSTEMS.ucum, code: kind.ucum },
                high: { value: kind.high, unit: kind.unit, system: SYSTEMS.ucum, code: kind.ucum },
              },
            ];
      const interpretation =
        referenceRange && (value > kind.high || value < kind.low)
          ? [
              coding(
                "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
                value > kind.high ? "H" : "L",
                value > kind.high ? "High" : "Low",
              ),
            ]
          : undefined;
      result.push({
        resourceType: "Observation",
        id: `${patient.id}-obs-${result.length + 1}`,
        status: "final",
        category: [coding(SYSTEMS.observationCategory, kind.category, kind.category === "vital-signs" ? "Vital Signs" : "Laboratory")],
        code: coding(SYSTEMS.loinc, kind.code, kind.display),
        subject: patientRef(patient),
        encounter: { reference: `Encounter/${visit.id}` },
        effectiveDateTime: when,
        issued: when,
        performer: [{ reference: (visit.participant as { individual: { reference: string } }[])[0].individual.reference }],
        valueQuantity: { value, unit: kind.unit, system: SYSTEMS.ucum, code: kind.ucum },
        ...(referenceRange ? { referenceRange } : {}),
        ...(interpretation ? { interpretation } : {}),
      });
    }
  }
  return result;
}

function conditions(patient: PatientRow): (Condition & { id: string })[] {
  return (ownEntry(CONDITIONS, personaOf(patient)) ?? []).map((condition, index) => ({
    resourceType: "Condition",
    id: `${patient.id}-cond-${index + 1}`,
    clinicalStatus: coding(SYSTEMS.conditionClinical, condition.status, condition.status === "active" ? "Active" : "Resolved"),
    verificationStatus: coding(SYSTEMS.conditionVerification, "confirmed", "Confirmed"),
    category: [coding(SYSTEMS.conditionCategory, "problem-list-item", "Problem List Item")],
    code: coding(SYSTEMS.snomed, condition.code, condition.display),
    subject: patientRef(patient),
    onsetDateTime: condition.onset,
    recordedDate: condition.onset,
    ...(condition.status === "resolved"
      ? { abatementDateTime: condition.onset.replace(/-(\d\d)-/, (_, m) => `-${String(Math.min(12, Number(m) + 1)).padStart(2, "0")}-`) }
      : {}),
    recorder: { reference: `Practitioner/${PRACTITIONERS[index % 2].id}` },
  }));
}

function medicationRequests(patient: PatientRow): (MedicationRequest & { id: string })[] {
  return (ownEntry(MEDICATIONS, personaOf(patient)) ?? []).map((medication, index) => ({
    resourceType: "MedicationRequest",
    id: `${patient.id}-med-${index + 1}`,
    status: medication.status,
    intent: "order",
    medicationCodeableConcept: coding(SYSTEMS.rxnorm, medication.code, medication.display),
    subject: patientRef(patient),
    authoredOn: medication.authoredOn,
    requester: { reference: `Practitioner/${PRACTITIONERS[index % 2].id}` },
    dosageInstruction: [{ text: medication.dosage }],
  }));
}

function allergies(patient: PatientRow): (AllergyIntolerance & { id: string })[] {
  return (ownEntry(ALLERGIES, personaOf(patient)) ?? []).map((allergy, index) => ({
    resourceType: "AllergyIntolerance",
    id: `${patient.id}-allergy-${index + 1}`,
    clinicalStatus: coding(SYSTEMS.allergyClinical, "active", "Active"),
    verificationStatus: coding(SYSTEMS.allergyVerification, "confirmed", "Confirmed"),
    type: "allergy",
    category: [allergy.category],
    criticality: allergy.criticality,
    code: coding(SYSTEMS.snomed, allergy.code, allergy.display),
    patient: patientRef(patient),
    reaction: [{ manifestation: [{ text: allergy.reaction }] }],
  }));
}

function immunizations(patient: PatientRow): (Immunization & { id: string })[] {
  return (ownEntry(IMMUNIZATIONS, personaOf(patient)) ?? []).map((immunization, index) => ({
    resourceType: "Immunization",
    id: `${patient.id}-imm-${index + 1}`,
    status: "completed",
    vaccineCode: coding(SYSTEMS.cvx, immunization.code, immunization.display),
    patient: patientRef(patient),
    occurrenceDateTime: immunization.date,
    primarySource: true,
    performer: [{ actor: { reference: `Practitioner/${PRACTITIONERS[1].id}` } }],
  }));
}

const cache = new Map<string, FhirResource[]>();
/** Tenants come and go: keep the records of this many patients, dropping the least recently generated. */
const CACHE_LIMIT = 256;

/** Every resource in the patient's compartment (Patient included); memoized, since it never changes. */
export function patientRecords(patient: PatientRow): FhirResource[] {
  const key = JSON.stringify(patient);
  const hit = cache.get(key);
  if (hit) return hit;
  const random = randomFor(personaOf(patient));
  const visits = encounters(patient, random);
  const records = [
    patientResource(patient),
    ...visits,
    ...observations(patient, visits, random),
    ...conditions(patient),
    ...medicationRequests(patient),
    ...allergies(patient),
    ...immunizations(patient),
  ];
  cache.set(key, records);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return records;
}

/** Resources outside any patient compartment that records refer to. */
export const SHARED_RESOURCES: FhirResource[] = [ORGANIZATION, ...PRACTITIONERS];
