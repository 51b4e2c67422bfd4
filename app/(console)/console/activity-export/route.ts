// GET /console/activity-export[?app=&grant=&patient=&type=&correlation=] — the console's activity (what the filters
// show) as a JSON Lines download, redacted, oldest first. Same access as the console's pages.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { eventLines } from "@/lib/activity/event-export";
import { download } from "@/lib/activity/download";
import { DEFAULT_TENANT } from "@/lib/personas/personas";
import { requireConsoleAccess } from "../_lib/console-access";

const filterSchema = z.object({
  app: z.string().max(200).optional(),
  grant: z.string().max(200).optional(),
  patient: z.string().max(200).optional(),
  type: z.string().max(100).optional(),
  correlation: z.string().max(200).optional(),
});

export async function GET(request: Request) {
  await requireConsoleAccess();
  const parsed = filterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return new Response("The filters of this export are not valid.\n", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const { app, ...rest } = parsed.data;
  const lines = await eventLines(db, DEFAULT_TENANT.id, { client: app, ...rest });
  return download(lines, "application/x-ndjson", "activity.jsonl");
}
