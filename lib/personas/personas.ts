// The seeded world. These ids, usernames and names are a public interface: QA scripts and the docs rely on them.

export const DEFAULT_TENANT = {
  id: "d1f6e9a2-5c3b-4e8f-a7d0-3b2c1e0f9a84",
  name: "Sandbox Health",
} as const;

/** Sandbox-only password of every seeded account. Stored only as a hash. */
export const SANDBOX_PASSWORD = "SandboxPass1";

export interface SeedPatient {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  gender: "female" | "male";
}

export interface SeedPerson {
  id: string;
  username: string;
  displayName: string;
  description: string;
  access: { patientId: string; relationship: "self" | "parent" }[];
}

export const SEED_PATIENTS: SeedPatient[] = [
  { id: "ava-rivera", givenName: "Ava", familyName: "Rivera", birthDate: "1991-04-12", gender: "female" },
  { id: "maya-chen", givenName: "Maya", familyName: "Chen", birthDate: "1986-09-03", gender: "female" },
  { id: "leo-chen", givenName: "Leo", familyName: "Chen", birthDate: "2016-02-20", gender: "male" },
  { id: "samuel-okafor", givenName: "Samuel", familyName: "Okafor", birthDate: "1948-07-30", gender: "male" },
];

export const SEED_PERSONS: SeedPerson[] = [
  {
    id: "person-ava-rivera",
    username: "avarivera",
    displayName: "Ava Rivera",
    description: "Adult patient with her own record only",
    access: [{ patientId: "ava-rivera", relationship: "self" }],
  },
  {
    id: "person-maya-chen",
    username: "mayachen",
    displayName: "Maya Chen",
    description: "Parent: her own record and, as proxy, her son Leo Chen's",
    access: [
      { patientId: "maya-chen", relationship: "self" },
      { patientId: "leo-chen", relationship: "parent" },
    ],
  },
  {
    id: "person-samuel-okafor",
    username: "samuelokafor",
    displayName: "Samuel Okafor",
    description: "Older patient with many conditions and medications",
    access: [{ patientId: "samuel-okafor", relationship: "self" }],
  },
];

export const DEMO_APP = {
  clientId: "demo-patient-app",
  clientName: "MyHealth Demo",
  publicHostname: "app.myhealth-demo.com",
  organization: { name: "MyHealth Demo Inc.", country: "US", state: "MO", locality: "Kansas City" },
  callbackPath: "/demo/api/auth/callback/sandbox",
  scope:
    "launch/patient openid fhirUser offline_access patient/Patient.read patient/Observation.read patient/Condition.read patient/AllergyIntolerance.read patient/MedicationRequest.read patient/Immunization.read",
} as const;

export function demoAppRedirectUri(publicUrl: string): string {
  return `${publicUrl}${DEMO_APP.callbackPath}`;
}
