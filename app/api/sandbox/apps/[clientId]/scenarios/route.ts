// POST /api/sandbox/apps/{clientId}/scenarios {"scenario": "<name>"} — apply one scenario to the app's world.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { ControlApiError, controlApi, json, readJson } from "@/lib/http/control-api";
import { presentEvaluation } from "@/lib/http/trust-presenter";
import { applyScenario } from "@/lib/trust/change-world";
import { isScenarioName, SCENARIO_NAMES } from "@/lib/trust/scenarios";

const bodySchema = z.object({ scenario: z.string() }).strict();

export const POST = controlApi(async (request, { params }: { params: Promise<{ clientId: string }> }) => {
  const { clientId } = await params;
  const { scenario } = await readJson(request, bodySchema);
  if (!isScenarioName(scenario)) {
    throw new ControlApiError(400, "unknown_scenario", `unknown scenario "${scenario}"; valid scenarios: ${SCENARIO_NAMES.join(", ")}`, { validScenarios: SCENARIO_NAMES });
  }
  const { evaluation, changes } = await applyScenario(db, clientId, scenario);
  return json(presentEvaluation(evaluation, changes));
});
