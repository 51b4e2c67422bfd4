// Column values as the two drivers return them, decoded to what the domain code uses; and encoded for writes
// in the format Prisma itself writes, so rows written on the lean path read back the same through Prisma.
//   SQLite (better-sqlite3): DateTime is text like 2026-11-29T19:00:00.000+00:00, Json is text, Boolean is 0/1.
//   PostgreSQL (pg, timestamps read as text): DateTime is 2026-11-29 19:00:00.123 (UTC), Json is parsed, Boolean is boolean.

/** `2026-11-29 19:00:00.123` (UTC, no zone) or `…+00` as ISO 8601 text JavaScript reads. */
function isoText(value: string): string {
  const text = value.replace(" ", "T");
  if (/[zZ]$|[+-]\d\d:\d\d$/.test(text)) return text;
  if (/[+-]\d\d$/.test(text)) return `${text}:00`;
  return `${text}Z`;
}

/** A date, or an error: a value that cannot be read must never pass a time check as if it were in range. */
export function readDate(value: string | Date): Date {
  // A PostgreSQL `timestamp` has no zone: Prisma stores UTC.
  const date = value instanceof Date ? value : new Date(isoText(value));
  if (!Number.isFinite(date.getTime())) throw new Error(`unreadable date from the database: ${String(value)}`);
  return date;
}

export function readOptionalDate(value: string | Date | null): Date | null {
  return value === null ? null : readDate(value);
}

export function readJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

export function readBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === 1n;
}

/** The text Prisma writes for a DateTime (PostgreSQL takes it as UTC: a `timestamp` column ignores the offset). */
export function writeDate(value: Date): string {
  return value.toISOString().replace("Z", "+00:00");
}
