import { describe, expect, it } from "vitest";
import { grantsRead } from "../demo-app/granted-sections";

describe("MyHealth reads only what the token's scope grants", () => {
  it.each([
    ["patient/MedicationRequest.read", "MedicationRequest", true],
    ["patient/MedicationRequest.rs", "MedicationRequest", true],
    ["patient/MedicationRequest.s", "MedicationRequest", false],
    ["patient/*.read", "Immunization", true],
    ["patient/Observation.read", "MedicationRequest", false],
    ["launch/patient openid fhirUser", "Patient", false],
  ])("%s grants reading %s: %s", (scope, type, expected) => {
    expect(grantsRead(scope, type)).toBe(expected);
  });
});
