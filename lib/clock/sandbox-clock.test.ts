import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { parseDuration } from "./iso-duration";
import { advanceClock, ClockRangeError, readClock, resetClock, setClock } from "./sandbox-clock";

describe("sandbox clock", () => {
  it("starts at real time", async () => {
    await resetClock(db);
    const { now, offsetSeconds } = await readClock(db);
    expect(offsetSeconds).toBe(0);
    expect(Math.abs(now.getTime() - Date.now())).toBeLessThan(1000);
  });

  it("advances by a duration and keeps running from there", async () => {
    await resetClock(db);
    const { offsetSeconds } = await advanceClock(db, parseDuration("P30D")!);
    expect(offsetSeconds).toBe(30 * 86_400);
    const again = await advanceClock(db, parseDuration("PT1H")!);
    expect(again.offsetSeconds).toBe(30 * 86_400 + 3_600);
  });

  it("sets an absolute time and resets to real time", async () => {
    const { now } = await setClock(db, new Date("2027-01-05T00:00:00Z"));
    expect(Math.abs(now.getTime() - Date.parse("2027-01-05T00:00:00Z"))).toBeLessThan(1500);
    expect((await resetClock(db)).offsetSeconds).toBe(0);
  });

  it("refuses a time before 2000 and leaves the clock alone", async () => {
    await resetClock(db);
    await expect(setClock(db, new Date("1999-12-31T23:59:59Z"))).rejects.toThrow(ClockRangeError);
    expect((await readClock(db)).offsetSeconds).toBe(0);
  });
});
