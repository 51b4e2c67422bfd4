// Column values as the two drivers return them: read back the same instant, and never let a bad one through.
import { describe, expect, it } from "vitest";
import { readBoolean, readDate, writeDate } from "./columns";

describe("lean column values", () => {
  it("reads the dates both drivers return as the same instant", () => {
    const instant = "2026-11-29T19:00:00.123Z";
    for (const text of [
      "2026-11-29T19:00:00.123+00:00",
      "2026-11-29 19:00:00.123",
      "2026-11-29 19:00:00.123+00",
      "2026-11-29T19:00:00.123Z",
    ]) {
      expect(readDate(text).toISOString(), text).toBe(instant);
    }
    expect(readDate(writeDate(new Date(instant))).toISOString()).toBe(instant);
  });

  it("refuses a date it cannot read instead of letting a time check pass", () => {
    expect(() => readDate("29/11/2026 19:00")).toThrow(/unreadable date/);
  });

  it("reads booleans from SQLite integers, BigInts and PostgreSQL booleans", () => {
    expect([1, 1n, true].map(readBoolean)).toEqual([true, true, true]);
    expect([0, 0n, false, null].map(readBoolean)).toEqual([false, false, false, false]);
  });
});
