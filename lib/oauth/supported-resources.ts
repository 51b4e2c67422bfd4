// The FHIR resource types the mock FHIR API serves for a patient, advertised in scopes_supported.
export const SUPPORTED_RESOURCE_TYPES = [
  "Patient",
  "Observation",
  "Condition",
  "AllergyIntolerance",
  "MedicationRequest",
  "Immunization",
  "Encounter",
  "Practitioner",
  "Organization",
] as const;
