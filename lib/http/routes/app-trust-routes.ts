// An app's simulated world through the control API: GET …/apps/{clientId}/trust, POST …/scenarios, PATCH …/world.
import { z } from "zod";
import { db } from "../../db/client";
import { applyScenario, editWorld, worldEditSchema } from "../../trust/change-world";
import { evaluateTrust } from "../../trust/evaluate-trust";
import { isScenarioName, SCENARIO_NAMES } from "../../trust/scenarios";
import { ControlApiError, json, readJson } from "../control-api";
import { appOfTenant, readQuery, tenantControl } from "../tenant-control";
import { presentEvaluation } from "../trust-presenter";

type AppParams = { clientId: string };
export const scenarioBodySchema = z.object({ scenario: z.string() }).strict();

export const appTrustRoute = {
  GET: tenantControl<AppParams>(async (_request, { tenantId, params, query }) => {
    readQuery(query, {});
    const app = await appOfTenant(tenantId, params.clientId);
    return json(presentEvaluation(await evaluateTrust(db, app.id, { mode: "inspect" })));
  }),
};

export const appScenarioRoute = {
  POST: tenantControl<AppParams>(async (request, { tenantId, params, query }) => {
    readQuery(query, {});
    const app = await appOfTenant(tenantId, params.clientId);
    const { scenario } = await readJson(request, scenarioBodySchema);
    if (!isScenarioName(scenario)) {
      throw new ControlApiError(400, "unknown_scenario", `unknown scenario "${scenario}"; valid scenarios: ${SCENARIO_NAMES.join(", ")}`, { validScenarios: SCENARIO_NAMES });
    }
    const { evaluation, changes } = await applyScenario(db, app.id, scenario);
    return json(presentEvaluation(evaluation, changes));
  }),
};

export const appWorldRoute = {
  PATCH: tenantControl<AppParams>(async (request, { tenantId, params, query }) => {
    readQuery(query, {});
    const app = await appOfTenant(tenantId, params.clientId);
    const { evaluation, changes } = await editWorld(db, app.id, await readJson(request, worldEditSchema));
    return json(presentEvaluation(evaluation, changes));
  }),
};
