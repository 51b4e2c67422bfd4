// The shared edge of the revocation (RFC 7009) and introspection (RFC 7662) endpoints: form body, client
// authentication, the required `token`, and RFC errors with a correlation id.
import type { Db } from "../db/client";
import { sandboxNow } from "../clock/sandbox-clock";
import { authenticateClient, registeredClientId, type AuthenticatedClient } from "./client-authentication";
import { InvalidRequest } from "./errors";
import { pickParameters, readFormBody } from "./form-parameters";
import { newCorrelationId, oauthErrorResponse, oauthJson } from "./oauth-response";

export interface TokenManagementInput {
  client: AuthenticatedClient;
  token: string;
  hint: string | null;
  now: Date;
  correlationId: string;
}

export async function handleTokenManagementRequest(
  db: Db,
  tenantId: string,
  request: Request,
  endpoint: "revoke" | "introspect",
  handle: (input: TokenManagementInput) => Promise<Record<string, unknown>>,
): Promise<Response> {
  const correlationId = newCorrelationId();
  let clientId: string | null = null;
  try {
    const parameters = pickParameters(await readFormBody(request), ["token", "token_type_hint", "client_id", "client_secret"]);
    clientId = parameters.client_id ?? null;
    const client = await authenticateClient(db, tenantId, request, parameters);
    clientId = client.id;
    if (!parameters.token) throw new InvalidRequest("token is required");
    const body = await handle({
      client,
      token: parameters.token,
      hint: parameters.token_type_hint ?? null,
      now: await sandboxNow(db, tenantId),
      correlationId,
    });
    return oauthJson(body, correlationId);
  } catch (failure) {
    return oauthErrorResponse(db, failure, {
      endpoint,
      tenantId,
      clientId: await registeredClientId(db, tenantId, clientId),
      correlationId,
    });
  }
}
