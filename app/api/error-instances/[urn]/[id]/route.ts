// The JSON form of an error_uri (proxy.ts sends `Accept: application/json` requests for /errors/… here):
// {urn, error, reason, correlationId, at, grant?} for assertions in scripts.
import { db } from "@/lib/db/client";
import { errorInstanceDetails } from "@/lib/oauth/error-instance-details";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(_request: Request, { params }: { params: Promise<{ urn: string; id: string }> }) {
  const { urn, id } = await params;
  const details = await errorInstanceDetails(db, decodeURIComponent(urn), id);
  if (!details) return Response.json({ error: "not_found", message: "no such error instance" }, { status: 404, headers: NO_STORE });
  return Response.json(details, { headers: NO_STORE });
}
