// GET /api/health — 200 {"status":"ok"} when the database answers, 503 otherwise.
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable", reason: "database did not answer" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
