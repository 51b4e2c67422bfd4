// GET /api/sandbox/clock — sandbox time; POST {"advance":"P30D"} | {"set":"2027-01-05T00:00:00Z"} | {"reset":true}.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { advanceClock, readClock, resetClock, setClock, type ClockReading } from "@/lib/clock/sandbox-clock";
import { parseDuration } from "@/lib/clock/iso-duration";
import { recordEvent } from "@/lib/activity/record-event";
import { ControlApiError, controlApi, json, readJson } from "@/lib/http/control-api";

export const dynamic = "force-dynamic";

const bodySchema = z.union([
  z.object({ advance: z.string() }).strict(),
  z.object({ set: z.iso.datetime({ offset: true, message: "set must be an ISO 8601 date-time such as 2027-01-05T00:00:00Z" }) }).strict(),
  z.object({ reset: z.literal(true) }).strict(),
], { error: 'give exactly one of {"advance": "<ISO 8601 duration>"}, {"set": "<ISO 8601 date-time>"} or {"reset": true}' });

const present = (reading: ClockReading) => ({ now: reading.now.toISOString(), offsetSeconds: reading.offsetSeconds });

export const GET = controlApi(async () => json(present(await readClock(db))));

export const POST = controlApi(async (request) => {
  const body = await readJson(request, bodySchema);
  let reading: ClockReading;
  if ("advance" in body) {
    const duration = parseDuration(body.advance);
    if (!duration) throw new ControlApiError(400, "invalid_request", `advance: "${body.advance}" is not an ISO 8601 duration such as P30D or PT1H`);
    reading = await advanceClock(db, duration);
  } else if ("set" in body) {
    reading = await setClock(db, new Date(body.set));
  } else {
    reading = await resetClock(db);
  }
  await recordEvent(db, { type: "clock.changed", payload: { request: body, ...present(reading) }, sandboxAt: reading.now });
  return json(present(reading));
});
