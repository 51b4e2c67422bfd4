// POST …/probe {"redirect_uri", "client_id"} — a live check of a real redirect URI's host (TLS and DNS), answered
// as the readiness report: what the patient would see, the facts with their sources, and what to fix.
import { z } from "zod";
import { db } from "../../db/client";
import { sandboxNow } from "../../clock/sandbox-clock";
import { ConfigurationError } from "../../config/environment";
import { probeSettings } from "../../config/probe-settings";
import { readSettings } from "../../settings/tenant-settings";
import { NotProbeable } from "../../trust/live-evaluation";
import { readinessReport } from "../../trust/readiness-report";
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
    const [settings, at, client] = await Promise.all([
      readSettings(db, tenantId),
      sandboxNow(db, tenantId),
      db.client.findFirst({ where: { id: body.client_id, tenantId }, select: { clientName: true } }),
    ]);
    let network;
    try {
      network = probeSettings();
    } catch (error) {
      if (error instanceof ConfigurationError) throw new ControlApiError(503, "probe_unavailable", `the probe is not configured correctly on this sandbox: ${error.message}`);
      throw error;
    }
    try {
      return json(await readinessReport({ redirectUri: body.redirect_uri, clientId: body.client_id, clientName: client?.clientName, publicSuffixRule: settings.publicSuffixRule, at, ...network }));
    } catch (error) {
      if (error instanceof NotProbeable) throw new ControlApiError(400, "invalid_request", error.message);
      throw error;
    }
  }),
};
