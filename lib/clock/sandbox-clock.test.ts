import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { parseDuration } from "./iso-duration";
import { DEFAULT_TENANT } from "../personas/personas";
import { advanceClock, ClockRangeError, readClock, resetClock, setClock } from "./sandbox-clock";

const TENANT = DEFAULT_TENANT.id;

describe("sandbox clock", () => {
  it("starts at real time", async () => {
    await resetClock(db, TENANT);
    const { now, offsetSeconds } = await readClock(db, TENANT);
    expect(offsetSeconds).toBe(0);
    expect(Math.abs(now.getTime() - Date.now())).toBeLessThan(1000);
  });

  it("advances by a duration and keeps running from there", async () => {
    await resetClock(db, TENANT);
    const { offsetSeconds } = await advanceClock(db, TENANT, parseDuration("P30D")!);
    expect(offsetSeconds).toBe(30 * 86_400);
    const again = await advanceClock(db, TENANT, parseDuration("PT1H")!);
    expect(again.offsetSeconds).toBe(30 * 86_400 + 3_600);
  });

  it("sets an absolute time and resets to real time", async () => {
    const { now } = await setClock(db, TENANT, new Date("2027-01-05T00:00:00Z"));
    expect(Math.abs(now.getTime() - Date.parse("2027-01-05T00:00:00Z"))).toBeLessThan(1500);
    expect((await resetClock(db, TENANT)).offsetSeconds).toBe(0);
  });

  it("refuses a time before 2000 and leaves the clock alone", async () => {
    await resetClock(db, TENANT);
    await expect(setClock(db, TENANT, new Date("1999-12-31T23:59:59Z"))).rejects.toThrow(ClockRangeError);
    expect((await readClock(db, TENANT)).offsetSeconds).toBe(0);
  });
});

describe("one clock per tenant", () => {
  it("moving one tenant's clock leaves another's alone", async () => {
    const other = "7a0c5f1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b";
    await resetClock(db, TENANT);
    await advanceClock(db, other, parseDuration("P91D")!);
    expect((await readClock(db, TENANT)).offsetSeconds).toBe(0);
    expect((await readClock(db, other)).offsetSeconds).toBe(91 * 86_400);
  });
});
