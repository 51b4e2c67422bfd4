// One page of a tenant's activity, newest first, with keyset paging: the cursor names the last event seen
// (its time and id), so a page is one indexed range read however long the log grows.
import type { Db, Prisma } from "../db/client";
import { redact } from "./redact";

export interface EventFilter {
  type?: string;
  client?: string;
  grant?: string;
  patient?: string;
  correlation?: string;
  since?: Date;
  cursor?: string;
  limit: number;
}

export class InvalidCursor extends Error {
  override name = "InvalidCursor";
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const createdAt = new Date(at);
    if (typeof id !== "string" || Number.isNaN(createdAt.getTime())) throw new Error("malformed");
    return { createdAt, id };
  } catch {
    throw new InvalidCursor("cursor is not one this API returned");
  }
}

const encodeCursor = (event: { createdAt: Date; id: string }) =>
  Buffer.from(JSON.stringify([event.createdAt.toISOString(), event.id])).toString("base64url");

export async function eventPage(db: Db, tenantId: string, filter: EventFilter) {
  const after = filter.cursor ? decodeCursor(filter.cursor) : null;
  const where: Prisma.EventWhereInput = {
    tenantId,
    ...(filter.type ? { type: { startsWith: filter.type } } : {}),
    ...(filter.client ? { clientId: filter.client } : {}),
    ...(filter.grant ? { grantId: filter.grant } : {}),
    ...(filter.patient ? { patientId: filter.patient } : {}),
    ...(filter.correlation ? { correlationId: filter.correlation } : {}),
    ...(filter.since ? { createdAt: { gte: filter.since } } : {}),
    ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
  };
  const rows = await db.event.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: filter.limit + 1 });
  const page = rows.slice(0, filter.limit);
  return {
    events: page.map((event) => ({ ...event, payload: redact(event.payload) })),
    nextCursor: rows.length > filter.limit ? encodeCursor(page[page.length - 1]) : null,
  };
}
