// RFC 7009 token revocation: after client authentication, always 200 for a well-formed request — whether or
// not the token was known — so the endpoint reveals nothing. A refresh token revokes its whole grant.
import { decodeJwt } from "jose";
import type { Db } from "../db/client";
import { recordEvent } from "../activity/record-event";
import { sandboxNow } from "../clock/sandbox-clock";
import { hashToken } from "../secrets/hashing";
import { authenticateClient } from "./client-authentication";
import { InvalidRequest } from "./errors";
import { pickParameters, readFormBody } from "./form-parameters";
import { revokeGrant } from "./grants";
import { newCorrelationId, oauthErrorResponse, oauthJson } from "./oauth-response";

export async function handleRevocationRequest(db: Db, tenantId: string, request: Request): Promise<Response> {
  const correlationId = newCorrelationId();
  let clientId: string | null = null;
  try {
    const parameters = pickParameters(await readFormBody(request), ["token", "token_type_hint", "client_id", "client_secret"]);
    clientId = parameters.client_id ?? null;
    const client = await authenticateClient(db, tenantId, request, parameters);
    clientId = client.id;
    if (!parameters.token) throw new InvalidRequest("token is required");
    const now = await sandboxNow(db);
    const grant = await db.grant.findUnique({ where: { refreshTokenHash: hashToken(parameters.token) } });
    let revoked: "refresh_token" | "access_token" | null = null;
    if (grant && grant.clientId === client.id) {
      await revokeGrant(db, grant, "the app revoked its refresh token", now, "grant.revoked", correlationId);
      revoked = "refresh_token";
    } else if (!grant) {
      let jti: string | undefined;
      try {
        jti = decodeJwt(parameters.token).jti;
      } catch {
        jti = undefined;
      }
      const token = jti ? await db.accessToken.findUnique({ where: { jti } }) : null;
      const owner = token ? await db.grant.findUnique({ where: { id: token.grantId } }) : null;
      if (token && owner?.clientId === client.id) {
        await db.accessToken.update({ where: { jti: token.jti }, data: { revoked: true } });
        revoked = "access_token";
      }
    }
    await recordEvent(db, { type: "token.revocation_requested", tenantId, clientId: client.id, grantId: grant?.id, correlationId, sandboxAt: now, payload: { revoked, hint: parameters.token_type_hint ?? null } });
    return oauthJson({}, correlationId);
  } catch (failure) {
    return oauthErrorResponse(db, failure, { endpoint: "revoke", tenantId, clientId, correlationId });
  }
}
