// Coded clinical content the synthetic records draw from: LOINC, SNOMED CT, RxNorm and CVX codes with their
// display names, units and reference ranges.

export const SYSTEMS = {
  loinc: "http://loinc.org",
  snomed: "http://snomed.info/sct",
  rxnorm: "http://www.nlm.nih.gov/research/umls/rxnorm",
  cvx: "http://hl7.org/fhir/sid/cvx",
  ucum: "http://unitsofmeasure.org",
  observationCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  conditionClinical: "http://terminology.hl7.org/CodeSystem/condition-clinical",
  conditionVerification: "http://terminology.hl7.org/CodeSystem/condition-ver-status",
  conditionCategory: "http://terminology.hl7.org/CodeSystem/condition-category",
  allergyClinical: "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
  allergyVerification: "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
  actCode: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
} as const;

export interface ObservationKind {
  code: string;
  display: string;
  category: "vital-signs" | "laboratory";
  unit: string;
  ucum: string;
  low: number;
  high: number;
  /** Typical adult range to draw from (values outside the reference range happen). */
  spread: [number, number];
  decimals: number;
  adultOnly?: boolean;
}

export const OBSERVATION_KINDS: ObservationKind[] = [
  {
    code: "8867-4",
    display: "Heart rate",
    category: "vital-signs",
    unit: "beats/minute",
    ucum: "/min",
    low: 60,
    high: 100,
    spread: [58, 96],
    decimals: 0,
  },
  {
    code: "8480-6",
    display: "Systolic blood pressure",
    category: "vital-signs",
    unit: "mmHg",
    ucum: "mm[Hg]",
    low: 90,
    high: 120,
    spread: [104, 148],
    decimals: 0,
  },
  {
    code: "8462-4",
    display: "Diastolic blood pressure",
    category: "vital-signs",
    unit: "mmHg",
    ucum: "mm[Hg]",
    low: 60,
    high: 80,
    spread: [64, 94],
    decimals: 0,
  },
  {
    code: "29463-7",
    display: "Body weight",
    category: "vital-signs",
    unit: "kg",
    ucum: "kg",
    low: 0,
    high: 500,
    spread: [0, 0],
    decimals: 1,
  },
  {
    code: "8310-5",
    display: "Body temperature",
    category: "vital-signs",
    unit: "°C",
    ucum: "Cel",
    low: 36.1,
    high: 37.2,
    spread: [36.3, 37.4],
    decimals: 1,
  },
  {
    code: "2345-7",
    display: "Glucose [Mass/volume] in Serum or Plasma",
    category: "laboratory",
    unit: "mg/dL",
    ucum: "mg/dL",
    low: 70,
    high: 99,
    spread: [78, 150],
    decimals: 0,
    adultOnly: true,
  },
  {
    code: "4548-4",
    display: "Hemoglobin A1c/Hemoglobin.total in Blood",
    category: "laboratory",
    unit: "%",
    ucum: "%",
    low: 4,
    high: 5.6,
    spread: [5, 8.2],
    decimals: 1,
    adultOnly: true,
  },
  {
    code: "2093-3",
    display: "Cholesterol [Mass/volume] in Serum or Plasma",
    category: "laboratory",
    unit: "mg/dL",
    ucum: "mg/dL",
    low: 0,
    high: 200,
    spread: [150, 240],
    decimals: 0,
    adultOnly: true,
  },
  {
    code: "2160-0",
    display: "Creatinine [Mass/volume] in Serum or Plasma",
    category: "laboratory",
    unit: "mg/dL",
    ucum: "mg/dL",
    low: 0.6,
    high: 1.3,
    spread: [0.7, 1.6],
    decimals: 2,
    adultOnly: true,
  },
];

export const CONDITIONS: Record<string, { code: string; display: string; onset: string; status: "active" | "resolved" }[]> = {
  "ava-rivera": [
    { code: "195967001", display: "Asthma", onset: "2008-05-14", status: "active" },
    { code: "444814009", display: "Viral sinusitis", onset: "2025-02-03", status: "resolved" },
  ],
  "maya-chen": [
    { code: "38341003", display: "Hypertensive disorder, systemic arterial", onset: "2021-09-22", status: "active" },
    { code: "37796009", display: "Migraine", onset: "2012-03-11", status: "active" },
  ],
  "leo-chen": [
    { code: "65363002", display: "Otitis media", onset: "2024-11-02", status: "resolved" },
    { code: "24079001", display: "Atopic dermatitis", onset: "2017-06-30", status: "active" },
  ],
  "samuel-okafor": [
    { code: "44054006", display: "Diabetes mellitus type 2", onset: "2009-04-17", status: "active" },
    { code: "38341003", display: "Hypertensive disorder, systemic arterial", onset: "2005-10-03", status: "active" },
    { code: "55822004", display: "Hyperlipidemia", onset: "2007-01-25", status: "active" },
    { code: "431855005", display: "Chronic kidney disease stage 1", onset: "2019-08-12", status: "active" },
    { code: "239873007", display: "Osteoarthritis of knee", onset: "2016-02-08", status: "active" },
    { code: "49436004", display: "Atrial fibrillation", onset: "2022-07-19", status: "active" },
    { code: "40055000", display: "Chronic sinusitis", onset: "2014-12-01", status: "resolved" },
  ],
};

export const MEDICATIONS: Record<
  string,
  { code: string; display: string; dosage: string; authoredOn: string; status: "active" | "completed" }[]
> = {
  "ava-rivera": [
    {
      code: "745679",
      display: "200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler",
      dosage: "2 puffs every 4 hours as needed for wheezing",
      authoredOn: "2024-03-02",
      status: "active",
    },
  ],
  "maya-chen": [
    {
      code: "314076",
      display: "lisinopril 10 MG Oral Tablet",
      dosage: "1 tablet by mouth once daily",
      authoredOn: "2021-10-01",
      status: "active",
    },
    {
      code: "1049630",
      display: "diphenhydramine hydrochloride 25 MG Oral Capsule",
      dosage: "1 capsule at bedtime as needed",
      authoredOn: "2023-04-12",
      status: "completed",
    },
  ],
  "leo-chen": [
    {
      code: "308182",
      display: "amoxicillin 250 MG Oral Capsule",
      dosage: "1 capsule by mouth three times daily for 10 days",
      authoredOn: "2024-11-02",
      status: "completed",
    },
  ],
  "samuel-okafor": [
    {
      code: "860975",
      display: "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet",
      dosage: "2 tablets by mouth once daily with the evening meal",
      authoredOn: "2009-05-01",
      status: "active",
    },
    {
      code: "314076",
      display: "lisinopril 10 MG Oral Tablet",
      dosage: "1 tablet by mouth once daily",
      authoredOn: "2005-11-01",
      status: "active",
    },
    {
      code: "617312",
      display: "atorvastatin 40 MG Oral Tablet",
      dosage: "1 tablet by mouth at bedtime",
      authoredOn: "2007-02-15",
      status: "active",
    },
    {
      code: "855332",
      display: "warfarin sodium 5 MG Oral Tablet",
      dosage: "1 tablet by mouth once daily, adjusted to INR",
      authoredOn: "2022-07-25",
      status: "active",
    },
    {
      code: "310965",
      display: "ibuprofen 200 MG Oral Tablet",
      dosage: "1 tablet every 6 hours as needed for knee pain",
      authoredOn: "2016-02-10",
      status: "completed",
    },
    {
      code: "197361",
      display: "amlodipine 5 MG Oral Tablet",
      dosage: "1 tablet by mouth once daily",
      authoredOn: "2018-06-04",
      status: "active",
    },
  ],
};

export const ALLERGIES: Record<
  string,
  { code: string; display: string; category: "medication" | "food" | "environment"; criticality: "low" | "high"; reaction: string }[]
> = {
  "ava-rivera": [{ code: "91936005", display: "Allergy to penicillin", category: "medication", criticality: "high", reaction: "Hives" }],
  "maya-chen": [
    { code: "300913006", display: "Shellfish allergy", category: "food", criticality: "high", reaction: "Swelling of the lips" },
  ],
  "leo-chen": [
    { code: "91935009", display: "Allergy to peanut", category: "food", criticality: "high", reaction: "Anaphylaxis" },
    { code: "232347008", display: "Dander (animal) allergy", category: "environment", criticality: "low", reaction: "Sneezing" },
  ],
  "samuel-okafor": [{ code: "294505008", display: "Allergy to sulfonamide", category: "medication", criticality: "low", reaction: "Rash" }],
};

export const IMMUNIZATIONS: Record<string, { code: string; display: string; date: string }[]> = {
  "ava-rivera": [
    { code: "140", display: "Influenza, seasonal, injectable, preservative free", date: "2025-10-08" },
    { code: "115", display: "Tdap", date: "2019-06-12" },
  ],
  "maya-chen": [
    { code: "140", display: "Influenza, seasonal, injectable, preservative free", date: "2025-10-20" },
    { code: "208", display: "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", date: "2024-09-30" },
  ],
  "leo-chen": [
    { code: "03", display: "MMR", date: "2017-03-01" },
    { code: "21", display: "Varicella", date: "2017-03-01" },
    { code: "20", display: "DTaP", date: "2020-04-15" },
    { code: "10", display: "IPV", date: "2020-04-15" },
    { code: "140", display: "Influenza, seasonal, injectable, preservative free", date: "2025-10-20" },
  ],
  "samuel-okafor": [
    { code: "140", display: "Influenza, seasonal, injectable, preservative free", date: "2025-09-29" },
    { code: "33", display: "Pneumococcal polysaccharide PPV23", date: "2014-05-05" },
    { code: "187", display: "Zoster recombinant", date: "2020-11-10" },
  ],
};

export const PATIENT_WEIGHT_KG: Record<string, number> = { "ava-rivera": 64, "maya-chen": 58, "leo-chen": 31, "samuel-okafor": 88 };
