// The activity as JSON Lines: one redacted event per line, oldest first, for a presenter's or a QA run's archive.
// At most EXPORT_LIMIT events (the newest), read a page at a time.
import type { Db } from "../db/client";
import { eventPage, type EventFilter } from "./event-page";

export const EXPORT_LIMIT = 10_000;

export async function eventLines(db: Db, tenantId: string, filter: Omit<EventFilter, "cursor" | "limit">): Promise<string> {
  const events: unknown[] = [];
  let cursor: string | undefined;
  do {
    const page = await eventPage(db, tenantId, { ...filter, cursor, limit: 500 });
    events.push(...page.events);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && events.length < EXPORT_LIMIT);
  return events
    .slice(0, EXPORT_LIMIT)
    .reverse()
    .map((event) => `${JSON.stringify(event)}\n`)
    .join("");
}
