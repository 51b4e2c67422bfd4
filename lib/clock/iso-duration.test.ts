import { describe, expect, it } from "vitest";
import { addDuration, parseDuration } from "./iso-duration";

const at = (iso: string) => new Date(iso);

describe("ISO 8601 durations", () => {
  it.each([
    ["P30D", "2027-01-31T00:00:00.000Z"],
    ["PT1H", "2027-01-01T01:00:00.000Z"],
    ["P1D", "2027-01-02T00:00:00.000Z"],
    ["P91D", "2027-04-02T00:00:00.000Z"],
    ["P2W", "2027-01-15T00:00:00.000Z"],
    ["P1Y", "2028-01-01T00:00:00.000Z"],
    ["P1M", "2027-02-01T00:00:00.000Z"],
    ["PT90M", "2027-01-01T01:30:00.000Z"],
    ["PT0.5S", "2027-01-01T00:00:00.500Z"],
    ["-P1D", "2026-12-31T00:00:00.000Z"],
  ])("adds %s to 2027-01-01", (text, expected) => {
    expect(addDuration(at("2027-01-01T00:00:00Z"), parseDuration(text)!).toISOString()).toBe(expected);
  });

  it("adds months on the calendar (31 January + 1 month lands in March like Date does)", () => {
    expect(addDuration(at("2027-03-15T12:00:00Z"), parseDuration("P1M")!).toISOString()).toBe("2027-04-15T12:00:00.000Z");
  });

  it.each(["", "P", "PT", "30D", "P30", "P1.5D", "PT1H30", "P-1D", "1 day", "P1DT"])("rejects %j", (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});
