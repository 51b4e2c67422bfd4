// NUL characters (U+0000) are refused at the edge: PostgreSQL cannot store them in text, and no legitimate
// OAuth parameter, FHIR id, username or app metadata contains one.

export function containsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === "object") return Object.entries(value).some(([key, child]) => key.includes("\u0000") || containsNul(child));
  return false;
}
