// GET /api/sandbox/events?client=&grant=&patient=&type=&limit= — the activity log for scripts, newest first,
// with secrets and tokens redacted.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { redact } from "@/lib/activity/redact";
import { ControlApiError, controlApi, json } from "@/lib/http/control-api";

export const dynamic = "force-dynamic";

const querySchema = z
  .object({
    client: z.string().max(200).optional(),
    grant: z.string().max(200).optional(),
    patient: z.string().max(200).optional(),
    type: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const GET = controlApi(async (request) => {
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new ControlApiError(400, "invalid_request", parsed.error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`).join("; "));
  const { client, grant, patient, type, limit } = parsed.data;
  const events = await db.event.findMany({
    where: { ...(client ? { clientId: client } : {}), ...(grant ? { grantId: grant } : {}), ...(patient ? { patientId: patient } : {}), ...(type ? { type: { startsWith: type } } : {}) },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return json(events.map((event) => ({ ...event, payload: redact(event.payload) })));
});
