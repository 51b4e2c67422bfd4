// GET /api/health — 200 {"status":"ok", database: {kind, migrations: {applied, latest}}} when the database
// answers, 503 otherwise.
import { db } from "@/lib/db/client";
import { databaseStatus } from "@/lib/db/database-status";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    return Response.json({ status: "ok", database: await databaseStatus(db) }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { status: "unavailable", reason: "database did not answer" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
