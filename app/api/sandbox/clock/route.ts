// GET /api/sandbox/clock — sandbox time; POST {"advance":"P30D"} | {"set":"2027-01-05T00:00:00Z"} | {"reset":true}.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { readClock, type ClockReading } from "@/lib/clock/sandbox-clock";
import { changeClock } from "@/lib/clock/change-clock";
import { controlApi, json, readJson } from "@/lib/http/control-api";

export const dynamic = "force-dynamic";

const bodySchema = z.union(
  [
    z.object({ advance: z.string() }).strict(),
    z.object({ set: z.iso.datetime({ offset: true, message: "set must be an ISO 8601 date-time such as 2027-01-05T00:00:00Z" }) }).strict(),
    z.object({ reset: z.literal(true) }).strict(),
  ],
  { error: 'give exactly one of {"advance": "<ISO 8601 duration>"}, {"set": "<ISO 8601 date-time>"} or {"reset": true}' },
);

const present = (reading: ClockReading) => ({ now: reading.now.toISOString(), offsetSeconds: reading.offsetSeconds });

export const GET = controlApi(async () => json(present(await readClock(db))));

export const POST = controlApi(async (request) => json(present(await changeClock(db, await readJson(request, bodySchema)))));
