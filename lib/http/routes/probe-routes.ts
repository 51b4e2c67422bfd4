// POST …/probe {"redirect_uri", "client_id"} — a live check of a real redirect URI's host (TLS and DNS), answered
// as the readiness report: what the patient would see, the facts with their sources, and what to fix.
import "server-only";
import { z } from "zod";
import { db } from "../../db/client";
import { ConfigurationError } from "../../config/environment";
import { NotProbeable } from "../../trust/live-evaluation";
import { tenantReadinessReport } from "../../trust/readiness-report";
import { ControlApiError, json, readJson } from "../control-api";
import { readQuery, tenantControl } from "../tenant-control";

export const probeBodySchema = z
  .object({
    redirect_uri: z.string().min(1).max(2000).describe("the https redirect URI whose host is checked"),
    client_id: z.string().min(1).max(200).describe("the client id the TXT record must name (cerner-client-id=…)"),
  })
  .strict();

export const probeRoutes = {
  POST: tenantControl(async (request, { tenantId, query }) => {
    readQuery(query, {});
    const body = await readJson(request, probeBodySchema);
    try {
      return json(await tenantReadinessReport(db, tenantId, { redirectUri: body.redirect_uri, clientId: body.client_id }));
    } catch (error) {
      if (error instanceof NotProbeable) throw new ControlApiError(400, "invalid_request", error.message);
      if (error instanceof ConfigurationError)
        throw new ControlApiError(503, "probe_unavailable", `the probe is not configured correctly on this sandbox: ${error.message}`);
      throw error;
    }
  }),
};
