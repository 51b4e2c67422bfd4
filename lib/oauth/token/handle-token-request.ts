// POST …/token: parse the form, authenticate the client, dispatch on grant_type, answer tokens or an RFC error.
// Each grant handler records its own activity event inside the transaction that issues the tokens.
import type { Db } from "../../db/client";
import { sandboxNow } from "../../clock/sandbox-clock";
import { readSettings } from "../../settings/tenant-settings";
import { authenticateClient, registeredClientId } from "../client-authentication";
import { InvalidRequest, UnauthorizedClient, UnsupportedGrantType } from "../errors";
import { pickParameters, readFormBody } from "../form-parameters";
import { newCorrelationId, oauthErrorResponse, oauthJson } from "../oauth-response";
import { CLIENT_AUTHENTICATION_PARAMETERS, GRANT_TYPES } from "./grant-types";
import { answerQueuedFault } from "./queued-fault-answer";

export async function handleTokenRequest(db: Db, tenantId: string, request: Request): Promise<Response> {
  const correlationId = newCorrelationId();
  let clientId: string | null = null;
  let grantType: string | undefined;
  try {
    const form = await readFormBody(request);
    grantType = pickParameters(form, ["grant_type"]).grant_type;
    if (!grantType) throw new InvalidRequest("grant_type is required");
    const grant = GRANT_TYPES.get(grantType);
    if (!grant) throw new UnsupportedGrantType(`grant_type "${grantType}" is not supported`);
    const parameters = pickParameters(form, [...CLIENT_AUTHENTICATION_PARAMETERS, ...grant.parameters]);
    clientId = parameters.client_id ?? null;
    const client = await authenticateClient(db, tenantId, request, parameters, grant.identifyClient?.(db, tenantId));
    clientId = client.id;
    if (!client.grantTypes.includes(grantType)) throw new UnauthorizedClient(`the client is not registered for ${grantType}`);
    await answerQueuedFault(db, client.id, parameters);
    const now = await sandboxNow(db, tenantId);
    const result = await grant.handler({
      db,
      tenantId,
      grantType,
      client,
      parameters,
      settings: await readSettings(db, tenantId),
      now,
      correlationId,
    });
    return oauthJson(result.body, correlationId);
  } catch (failure) {
    return oauthErrorResponse(db, failure, {
      endpoint: "token",
      tenantId,
      clientId: await registeredClientId(db, tenantId, clientId),
      correlationId,
      eventPayload: grantType && GRANT_TYPES.has(grantType) ? { grantType } : undefined,
    });
  }
}
