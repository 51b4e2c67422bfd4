// One way to change a tenant's sandbox clock, for the control API and the console alike: advance, set or reset,
// recorded in the activity log.
import type { Db } from "../db/client";
import { recordEvent } from "../activity/record-event";
import { parseDuration } from "./iso-duration";
import { advanceClock, ClockRangeError, resetClock, setClock, type ClockReading } from "./sandbox-clock";

export type ClockInstruction = { advance: string } | { set: string } | { reset: true };

export async function changeClock(db: Db, tenantId: string, instruction: ClockInstruction): Promise<ClockReading> {
  let reading: ClockReading;
  if ("advance" in instruction) {
    const duration = parseDuration(instruction.advance);
    if (!duration) throw new ClockRangeError(`advance: "${instruction.advance}" is not an ISO 8601 duration such as P30D or PT1H`);
    reading = await advanceClock(db, tenantId, duration);
  } else if ("set" in instruction) {
    const at = new Date(instruction.set);
    if (Number.isNaN(at.getTime())) throw new ClockRangeError(`set: "${instruction.set}" is not a date-time`);
    reading = await setClock(db, tenantId, at);
  } else {
    reading = await resetClock(db, tenantId);
  }
  await recordEvent(db, {
    type: "clock.changed",
    tenantId,
    payload: { instruction, now: reading.now.toISOString(), offsetSeconds: reading.offsetSeconds },
    sandboxAt: reading.now,
  });
  return reading;
}
