// The activity log: every protocol exchange, trust check and scenario becomes an Event (`resource.verb`).
import { randomUUID } from "node:crypto";
import type { DbOrTransaction } from "../db/client";
import type { Prisma } from "../db/generated/client";

export interface EventInput {
  type: string;
  tenantId?: string | null;
  clientId?: string | null;
  grantId?: string | null;
  patientId?: string | null;
  correlationId?: string | null;
  payload: Record<string, unknown>;
  sandboxAt: Date;
}

/** The create arguments, so callers can put the event in the same transaction as the change it records. */
export function eventCreate(db: DbOrTransaction, input: EventInput): Prisma.PrismaPromise<unknown> {
  return db.event.create({ data: { id: randomUUID(), ...input, payload: input.payload as Prisma.InputJsonValue } });
}

export async function recordEvent(db: DbOrTransaction, input: EventInput): Promise<void> {
  await eventCreate(db, input);
}
