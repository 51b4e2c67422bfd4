// GET …/events?type=&client=&grant=&patient=&correlation=&since=&cursor=&limit= — the tenant's activity, newest
// first, secrets redacted by value, paged with an opaque cursor.
import "server-only";
import { z } from "zod";
import { db } from "../../db/client";
import { eventPage, InvalidCursor } from "../../activity/event-page";
import { eventLines } from "../../activity/event-export";
import { download } from "../../activity/download";
import { ControlApiError, json } from "../control-api";
import { readQuery, tenantControl } from "../tenant-control";

export const eventQueryShape = {
  type: z.string().max(100).optional(),
  client: z.string().max(200).optional(),
  grant: z.string().max(200).optional(),
  patient: z.string().max(200).optional(),
  correlation: z.string().max(200).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
};

export const eventsRoute = {
  GET: tenantControl(async (_request, { tenantId, query }) => {
    const filter = readQuery(query, eventQueryShape);
    try {
      return json(await eventPage(db, tenantId, { ...filter, since: filter.since ? new Date(filter.since) : undefined }));
    } catch (error) {
      if (error instanceof InvalidCursor) throw new ControlApiError(400, "invalid_request", error.message);
      throw error;
    }
  }),
};

/** GET /api/sandbox/events — the older, unpaged form for the default tenant: a plain array, newest first. */
export const legacyEventsRoute = {
  GET: tenantControl(async (_request, { tenantId, query }) => {
    const { client, grant, patient, type, limit } = readQuery(query, {
      client: eventQueryShape.client,
      grant: eventQueryShape.grant,
      patient: eventQueryShape.patient,
      type: eventQueryShape.type,
      limit: eventQueryShape.limit,
    });
    return json((await eventPage(db, tenantId, { client, grant, patient, type, limit })).events);
  }),
};

/** GET …/events/export?type=&client=&grant=&patient=&correlation=&since= — the same events as JSON Lines, oldest first. */
export const eventExportRoute = {
  GET: tenantControl(async (_request, { tenantId, query }) => {
    const { cursor: _cursor, limit: _limit, ...shape } = eventQueryShape;
    const filter = readQuery(query, shape);
    const lines = await eventLines(db, tenantId, { ...filter, since: filter.since ? new Date(filter.since) : undefined });
    return download(lines, "application/x-ndjson", `activity-${tenantId}.jsonl`);
  }),
};
