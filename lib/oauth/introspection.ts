// RFC 7662 introspection: client-authenticated; the answer starts from {active:false} and only becomes
// active when every check passes, for tokens issued to the asking client.
import type { Db } from "../db/client";
import { recordEvent } from "../activity/record-event";
import { hashToken } from "../secrets/hashing";
import { handleTokenManagementRequest } from "./token-management-endpoint";
import { verifyAccessToken } from "./tokens";

async function introspect(db: Db, tenantId: string, clientId: string, token: string, now: Date): Promise<Record<string, unknown>> {
  const inactive = { active: false };
  const grant = await db.grant.findUnique({ where: { refreshTokenHash: hashToken(token) } });
  if (grant) {
    if (grant.clientId !== clientId || grant.status !== "active") return inactive;
    return {
      active: true,
      token_type: "refresh_token",
      client_id: clientId,
      scope: grant.scope,
      sub: grant.personId,
      patient: grant.patientId,
    };
  }
  const checked = await verifyAccessToken(db, tenantId, token, now);
  if (!checked.active || checked.claims.client_id !== clientId) return inactive;
  const owner = await db.grant.findUnique({ where: { id: checked.claims.grant_id } });
  if (!owner || owner.status !== "active") return inactive;
  const { claims } = checked;
  return {
    active: true,
    token_type: "Bearer",
    client_id: clientId,
    scope: claims.scope,
    sub: claims.sub,
    patient: claims.patient,
    iss: claims.iss,
    aud: claims.aud,
    exp: claims.exp,
    iat: claims.iat,
    jti: claims.jti,
  };
}

export function handleIntrospectionRequest(db: Db, tenantId: string, request: Request): Promise<Response> {
  return handleTokenManagementRequest(db, tenantId, request, "introspect", async ({ client, token, now, correlationId }) => {
    const answer = await introspect(db, tenantId, client.id, token, now);
    await recordEvent(db, {
      type: "token.introspected",
      tenantId,
      clientId: client.id,
      correlationId,
      sandboxAt: now,
      payload: { active: answer.active, tokenType: answer.token_type ?? null },
    });
    return answer;
  });
}
