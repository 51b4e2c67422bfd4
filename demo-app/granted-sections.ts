// Which parts of the record MyHealth may show: only what the patient shared, read from the `scope` of the token
// response (SMART v1 `.read` and v2 `.rs` resource scopes, and wildcards).

export const SECTIONS = {
  vitals: { resourceType: "Observation", noun: "vital signs" },
  medications: { resourceType: "MedicationRequest", noun: "medications" },
  allergies: { resourceType: "AllergyIntolerance", noun: "allergies" },
  conditions: { resourceType: "Condition", noun: "conditions" },
  immunizations: { resourceType: "Immunization", noun: "immunizations" },
} as const;
export type Section = keyof typeof SECTIONS;

export function grantsRead(scope: string, resourceType: string): boolean {
  return scope.split(/\s+/).some((item) => {
    const match = /^(?:patient|user)\/([A-Za-z*]+)\.(read|\*|[cruds]+)$/.exec(item);
    if (!match || (match[1] !== resourceType && match[1] !== "*")) return false;
    return match[2] === "read" || match[2] === "*" || match[2].includes("r");
  });
}
