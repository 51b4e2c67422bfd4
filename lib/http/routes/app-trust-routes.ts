// An app's trust through the control API: GET …/apps/{clientId}/trust, POST …/scenarios, PATCH …/world (its
// simulated world), PUT …/trust-source (simulated or live).
import "server-only";
import { z } from "zod";
import { ConfigurationError } from "../../config/environment";
import { db } from "../../db/client";
import { applyScenario, editWorld, LiveAppWorldError, worldEditSchema } from "../../trust/change-world";
import { NotProbeable } from "../../trust/live-evaluation";
import { setTrustSource } from "../../trust/trust-source";
import { TRUST_SOURCES } from "../../trust/types";
import { evaluateTrust } from "../../trust/evaluate-trust";
import { isScenarioName, SCENARIO_NAMES } from "../../trust/scenarios";
import { ControlApiError, json, readJson } from "../control-api";
import { appOfTenant, readQuery, tenantControl } from "../tenant-control";
import { presentEvaluation } from "../trust-presenter";

type AppParams = { clientId: string };
export const scenarioBodySchema = z.object({ scenario: z.string() }).strict();
export const trustSourceBodySchema = z.object({ source: z.enum(TRUST_SOURCES) }).strict();

/** A scenario or edit of a live app's simulated world is refused: it would change nothing its checks see. */
async function simulatedOnly<T>(change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof LiveAppWorldError) throw new ControlApiError(409, "live_trust_source", error.message);
    throw error;
  }
}

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
      throw new ControlApiError(400, "unknown_scenario", `unknown scenario "${scenario}"; valid scenarios: ${SCENARIO_NAMES.join(", ")}`, {
        validScenarios: SCENARIO_NAMES,
      });
    }
    const { evaluation, changes } = await simulatedOnly(() => applyScenario(db, app.id, scenario));
    return json(presentEvaluation(evaluation, changes));
  }),
};

export const appWorldRoute = {
  PATCH: tenantControl<AppParams>(async (request, { tenantId, params, query }) => {
    readQuery(query, {});
    const app = await appOfTenant(tenantId, params.clientId);
    const edit = await readJson(request, worldEditSchema);
    const { evaluation, changes } = await simulatedOnly(() => editWorld(db, app.id, edit));
    return json(presentEvaluation(evaluation, changes));
  }),
};

export const appTrustSourceRoute = {
  PUT: tenantControl<AppParams>(async (request, { tenantId, params, query }) => {
    readQuery(query, {});
    const app = await appOfTenant(tenantId, params.clientId);
    const { source } = await readJson(request, trustSourceBodySchema);
    try {
      const result = await setTrustSource(db, app.id, source);
      return json({
        previousSource: result.previous,
        wouldSuspend: result.wouldSuspend,
        ...presentEvaluation(result.evaluation, result.changes),
      });
    } catch (error) {
      if (error instanceof NotProbeable) throw new ControlApiError(400, "invalid_request", error.message);
      if (error instanceof ConfigurationError)
        throw new ControlApiError(503, "probe_unavailable", `the probe is not configured correctly on this sandbox: ${error.message}`);
      throw error;
    }
  }),
};
