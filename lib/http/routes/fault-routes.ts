// POST …/apps/{clientId}/next-token and …/next-authorize: queue one-shot faults for that app.
import "server-only";
import { z } from "zod";
import { db } from "../../db/client";
import { recordEvent } from "../../activity/record-event";
import { sandboxNow } from "../../clock/sandbox-clock";
import { AUTHORIZE_FAULTS, enqueueFault, pendingFaults, TOKEN_FAULTS, type FaultEndpoint } from "../../oauth/queued-faults";
import { json, readJson } from "../control-api";
import { appOfTenant, readQuery, tenantControl } from "../tenant-control";

export const nextTokenSchema = z.object({ answer: z.enum(TOKEN_FAULTS), count: z.number().int().min(1).max(100).default(1) }).strict();
export const nextAuthorizeSchema = z
  .object({ answer: z.enum(AUTHORIZE_FAULTS), count: z.number().int().min(1).max(100).default(1) })
  .strict();

function faultRoute(endpoint: FaultEndpoint, schema: typeof nextTokenSchema | typeof nextAuthorizeSchema) {
  return {
    POST: tenantControl<{ clientId: string }>(async (request, { tenantId, params, query }) => {
      readQuery(query, {});
      const app = await appOfTenant(tenantId, params.clientId);
      const { answer, count } = await readJson(request, schema);
      await enqueueFault(db, { tenantId, clientId: app.id, endpoint, answer, count });
      await recordEvent(db, {
        type: "fault.queued",
        tenantId,
        clientId: app.id,
        sandboxAt: await sandboxNow(db, tenantId),
        payload: { endpoint, answer, count },
      });
      return json({ clientId: app.id, endpoint, answer, remaining: await pendingFaults(db, app.id, endpoint) }, 201);
    }),
  };
}

export const nextTokenRoute = faultRoute("token", nextTokenSchema);
export const nextAuthorizeRoute = faultRoute("authorize", nextAuthorizeSchema);
