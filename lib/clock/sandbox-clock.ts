// The sandbox clock: real time plus an offset kept in the database, so every instance agrees on "now".
// Everything that expires (certificates, codes, tokens, unused grants, cached trust checks) reads it.
import type { Db } from "../db/client";
import { addDuration, type Duration } from "./iso-duration";

const CLOCK_ID = "sandbox";
/** The clock may not be set before this: certificates and tokens from before it make no sense. */
export const EARLIEST_SANDBOX_TIME = new Date("2000-01-01T00:00:00Z");

export interface ClockReading {
  now: Date;
  offsetSeconds: number;
}

export async function readClock(db: Db, realNow: Date = new Date()): Promise<ClockReading> {
  const row = await db.sandboxClock.findUnique({ where: { id: CLOCK_ID } });
  const offsetSeconds = row?.offsetSeconds ?? 0;
  return { now: new Date(realNow.getTime() + offsetSeconds * 1000), offsetSeconds };
}

export async function sandboxNow(db: Db): Promise<Date> {
  return (await readClock(db)).now;
}

async function setOffset(db: Db, offsetSeconds: number): Promise<ClockReading> {
  await db.sandboxClock.upsert({ where: { id: CLOCK_ID }, create: { id: CLOCK_ID, offsetSeconds }, update: { offsetSeconds } });
  return readClock(db);
}

export class ClockRangeError extends Error {
  override name = "ClockRangeError";
}

function offsetFor(target: Date, realNow: Date): number {
  if (!Number.isFinite(target.getTime())) throw new ClockRangeError("that moves the sandbox clock beyond the dates it can represent");
  if (target.getTime() < EARLIEST_SANDBOX_TIME.getTime()) {
    throw new ClockRangeError(`the sandbox clock cannot be set before ${EARLIEST_SANDBOX_TIME.toISOString()}`);
  }
  return Math.round((target.getTime() - realNow.getTime()) / 1000);
}

export async function advanceClock(db: Db, duration: Duration): Promise<ClockReading> {
  const realNow = new Date();
  const { now } = await readClock(db, realNow);
  return setOffset(db, offsetFor(addDuration(now, duration), realNow));
}

export async function setClock(db: Db, at: Date): Promise<ClockReading> {
  return setOffset(db, offsetFor(at, new Date()));
}

export async function resetClock(db: Db): Promise<ClockReading> {
  return setOffset(db, 0);
}
