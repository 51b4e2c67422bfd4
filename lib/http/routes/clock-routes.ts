// GET …/clock — the tenant's sandbox time; POST {"advance":"P30D"} | {"set":"2027-01-05T00:00:00Z"} | {"reset":true}.
import "server-only";
import { z } from "zod";
import { db } from "../../db/client";
import { readClock, type ClockReading } from "../../clock/sandbox-clock";
import { changeClock } from "../../clock/change-clock";
import { json, readJson } from "../control-api";
import { readQuery, tenantControl } from "../tenant-control";

export const clockInstructionSchema = z.union(
  [
    z.object({ advance: z.string() }).strict(),
    z.object({ set: z.iso.datetime({ offset: true, message: "set must be an ISO 8601 date-time such as 2027-01-05T00:00:00Z" }) }).strict(),
    z.object({ reset: z.literal(true) }).strict(),
  ],
  { error: 'give exactly one of {"advance": "<ISO 8601 duration>"}, {"set": "<ISO 8601 date-time>"} or {"reset": true}' },
);

const present = (reading: ClockReading) => ({ now: reading.now.toISOString(), offsetSeconds: reading.offsetSeconds });

export const clockRoutes = {
  GET: tenantControl(async (_request, { tenantId, query }) => {
    readQuery(query, {});
    return json(present(await readClock(db, tenantId)));
  }),
  POST: tenantControl(async (request, { tenantId, query }) => {
    readQuery(query, {});
    return json(present(await changeClock(db, tenantId, await readJson(request, clockInstructionSchema))));
  }),
};
