// RFC 7009 token revocation: after client authentication, always 200 for a well-formed request — whether or
// not the token was known — so the endpoint reveals nothing. A refresh token revokes its whole grant.
import { GRANT_END_REASONS } from "./grant-end-reasons";
import { decodeJwt } from "jose";
import type { Db } from "../db/client";
import { recordEvent } from "../activity/record-event";
import { hashToken } from "../secrets/hashing";
import { revokeGrant } from "./grants";
import { handleTokenManagementRequest, type TokenManagementInput } from "./token-management-endpoint";

function jtiOf(token: string): string | undefined {
  try {
    const { jti } = decodeJwt(token);
    return typeof jti === "string" ? jti : undefined;
  } catch {
    return undefined;
  }
}

async function revoke(db: Db, tenantId: string, { client, token, hint, now, correlationId }: TokenManagementInput) {
  const grant = await db.grant.findUnique({ where: { refreshTokenHash: hashToken(token) } });
  let revoked: "refresh_token" | "access_token" | null = null;
  if (grant && grant.clientId === client.id) {
    await revokeGrant(db, grant, GRANT_END_REASONS.byApp, now, "grant.revoked", correlationId);
    revoked = "refresh_token";
  } else if (!grant) {
    const jti = jtiOf(token);
    const issued = jti ? await db.accessToken.findUnique({ where: { jti } }) : null;
    const owner = issued ? await db.grant.findUnique({ where: { id: issued.grantId } }) : null;
    if (issued && owner?.clientId === client.id) {
      await db.accessToken.update({ where: { jti: issued.jti }, data: { revoked: true } });
      revoked = "access_token";
    }
  }
  await recordEvent(db, {
    type: "token.revocation_requested",
    tenantId,
    clientId: client.id,
    grantId: grant?.id,
    correlationId,
    sandboxAt: now,
    payload: { revoked, hint },
  });
  return {};
}

export function handleRevocationRequest(db: Db, tenantId: string, request: Request): Promise<Response> {
  return handleTokenManagementRequest(db, tenantId, request, "revoke", (input) => revoke(db, tenantId, input));
}
