// GET /console/grants/{grantId}/har — the grant's HTTP exchanges as a HAR 1.2 download (secrets redacted). Same
// access as the console's pages (a route handler does not pass through the console layout: it checks itself).
import { db } from "@/lib/db/client";
import { grantExchanges } from "@/lib/activity/grant-exchanges";
import { harDownload, toHar } from "@/lib/activity/har";
import { DEFAULT_TENANT } from "@/lib/personas/personas";
import { requireConsoleAccess } from "../../../../_lib/console-access";

export async function GET(_request: Request, { params }: { params: Promise<{ grantId: string }> }) {
  await requireConsoleAccess();
  const { grantId } = await params;
  const exchanges = grantId.length <= 100 ? await grantExchanges(db, DEFAULT_TENANT.id, grantId) : null;
  if (!exchanges)
    return new Response("There is no such grant in this sandbox.\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return harDownload(toHar(exchanges, `grant ${grantId}`), `grant-${grantId}.har`);
}
