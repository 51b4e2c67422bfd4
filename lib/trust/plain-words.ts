// Formatting shared by findings and change sentences, so patients read dates and versions the same way everywhere.
import type { TlsVersion } from "./types";

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "4 January 2027" */
export function longDate(iso: string | Date): string {
  return DATE.format(typeof iso === "string" ? new Date(iso) : iso);
}

/** "TLS 1.0, TLS 1.1" */
export function tlsVersionList(versions: readonly TlsVersion[]): string {
  if (versions.length === 0) return "none";
  return versions.map((version) => (version === "TLSv1" ? "TLS 1.0" : version.replace("TLSv", "TLS "))).join(", ");
}

/** "US, MO, Kansas City" */
export function locationText(country: string | null, state: string | null, locality: string | null): string | null {
  const parts = [country, state, locality].filter((part): part is string => !!part);
  return parts.length ? parts.join(", ") : null;
}
