// The demo app's own configuration. It is a separate SMART client: it knows the sandbox only by the FHIR base
// URL and discovers everything else over HTTP (it never imports the sandbox's server modules).

export const DEMO_CLIENT_ID = "demo-patient-app";
export const DEMO_PROVIDER_ID = "sandbox";
export const DEMO_SCOPES = [
  "launch/patient",
  "openid",
  "fhirUser",
  "offline_access",
  "patient/Patient.read",
  "patient/Observation.read",
  "patient/Condition.read",
  "patient/AllergyIntolerance.read",
  "patient/MedicationRequest.read",
  "patient/Immunization.read",
].join(" ");

const SANDBOX_HEALTH_TENANT = "d1f6e9a2-5c3b-4e8f-a7d0-3b2c1e0f9a84";

/** Where the demo's FHIR server is: DEMO_FHIR_BASE_URL, else the sandbox's default tenant at PUBLIC_URL. */
export function fhirBaseUrl(): string {
  if (process.env.DEMO_FHIR_BASE_URL) return process.env.DEMO_FHIR_BASE_URL.replace(/\/$/, "");
  const origin = process.env.PUBLIC_URL?.replace(/\/$/, "") || `http://localhost:${process.env.PORT || 3000}`;
  return `${origin}/r4/${SANDBOX_HEALTH_TENANT}`;
}
