// GET /api/sandbox/apps/{clientId}/trust — the app's trust as it is now: facts, verdict, findings, snapshot hash.
import { db } from "@/lib/db/client";
import { controlApi, json } from "@/lib/http/control-api";
import { presentEvaluation } from "@/lib/http/trust-presenter";
import { evaluateTrust } from "@/lib/trust/evaluate-trust";

export const dynamic = "force-dynamic";

export const GET = controlApi(async (_request, { params }: { params: Promise<{ clientId: string }> }) => {
  const { clientId } = await params;
  return json(presentEvaluation(await evaluateTrust(db, clientId, { mode: "inspect" })));
});
