// PATCH /api/sandbox/apps/{clientId}/world — custom edit: a pasted PEM chain, TXT records, TLS versions, reachability.
import { db } from "@/lib/db/client";
import { controlApi, json, readJson } from "@/lib/http/control-api";
import { presentEvaluation } from "@/lib/http/trust-presenter";
import { editWorld, worldEditSchema } from "@/lib/trust/change-world";

export const PATCH = controlApi(async (request, { params }: { params: Promise<{ clientId: string }> }) => {
  const { clientId } = await params;
  const edit = await readJson(request, worldEditSchema);
  const { evaluation, changes } = await editWorld(db, clientId, edit);
  return json(presentEvaluation(evaluation, changes));
});
