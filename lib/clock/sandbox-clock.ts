// Each tenant's sandbox clock: real time plus an offset kept in the database, so every instance agrees on "now"
// and moving one tenant's clock never moves another's. Everything that expires (certificates, codes, tokens,
// unused grants, cached trust checks, sign-in lockouts) reads the clock of the tenant it belongs to.
import type { DbOrTransaction } from "../db/client";
import { addDuration, type Duration } from "./iso-duration";

/** The clock may not be set before this: certificates and tokens from before it make no sense. */
export const EARLIEST_SANDBOX_TIME = new Date("2000-01-01T00:00:00Z");

export interface ClockReading {
  now: Date;
  offsetSeconds: number;
}

export async function readClock(db: DbOrTransaction, tenantId: string, realNow: Date = new Date()): Promise<ClockReading> {
  const row = await db.sandboxClock.findUnique({ where: { id: tenantId } });
  const offsetSeconds = row?.offsetSeconds ?? 0;
  return { now: new Date(realNow.getTime() + offsetSeconds * 1000), offsetSeconds };
}

export async function sandboxNow(db: DbOrTransaction, tenantId: string): Promise<Date> {
  return (await readClock(db, tenantId)).now;
}

async function setOffset(db: DbOrTransaction, tenantId: string, offsetSeconds: number): Promise<ClockReading> {
  await db.sandboxClock.upsert({ where: { id: tenantId }, create: { id: tenantId, offsetSeconds }, update: { offsetSeconds } });
  return readClock(db, tenantId);
}

export class ClockRangeError extends Error {
  override name = "ClockRangeError";
}

function offsetFor(target: Date, realNow: Date): number {
  if (!Number.isFinite(target.getTime())) throw new ClockRangeError("that moves the sandbox clock beyond the dates it can represent");
  if (target.getTime() < EARLIEST_SANDBOX_TIME.getTime()) {
    throw new ClockRangeError(`the sandbox clock cannot be set before ${EARLIEST_SANDBOX_TIME.toISOString()}`);
  }
  // Whole seconds, rounded up: the clock is never set earlier than asked (nor, for a floor date, below it).
  return Math.ceil((target.getTime() - realNow.getTime()) / 1000);
}

export async function advanceClock(db: DbOrTransaction, tenantId: string, duration: Duration): Promise<ClockReading> {
  const realNow = new Date();
  const { now } = await readClock(db, tenantId, realNow);
  return setOffset(db, tenantId, offsetFor(addDuration(now, duration), realNow));
}

export async function setClock(db: DbOrTransaction, tenantId: string, at: Date): Promise<ClockReading> {
  return setOffset(db, tenantId, offsetFor(at, new Date()));
}

export async function resetClock(db: DbOrTransaction, tenantId: string): Promise<ClockReading> {
  return setOffset(db, tenantId, 0);
}
