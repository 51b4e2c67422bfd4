// ISO 8601 durations (`P30D`, `PT1H`, `P1Y2M`, `P2W`, `-P1D`) applied to dates with calendar arithmetic in UTC.
const PATTERN = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export interface Duration {
  sign: 1 | -1;
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Parses an ISO 8601 duration; returns null when it does not parse or names no amount. */
export function parseDuration(text: string): Duration | null {
  const match = PATTERN.exec(text.trim());
  if (!match || text.trim().endsWith("T")) return null;
  const [, minus, ...parts] = match;
  if (parts.every((part) => part === undefined)) return null;
  const [years, months, weeks, days, hours, minutes, seconds] = parts.map((part) => (part === undefined ? 0 : Number(part)));
  return { sign: minus ? -1 : 1, years, months, weeks, days, hours, minutes, seconds };
}

export function addDuration(date: Date, duration: Duration): Date {
  const result = new Date(date.getTime());
  const s = duration.sign;
  result.setUTCFullYear(result.getUTCFullYear() + s * duration.years, result.getUTCMonth() + s * duration.months);
  const fixedMs =
    ((duration.weeks * 7 + duration.days) * 86_400 + duration.hours * 3_600 + duration.minutes * 60 + duration.seconds) * 1000;
  return new Date(result.getTime() + s * fixedMs);
}
