// The refresh most requests are: an active grant, an unchanged app, nothing queued. Answered with one read and one
// write and no X.509 work; anything else answers null and takes the general path (lean-token-request.ts).
import type { LeanDb } from "../../db/lean/lean-db";
import type { Db } from "../../db/client";
import { hashToken, randomToken } from "../../secrets/hashing";
import type { Parameters } from "../form-parameters";
import { isSubset, splitScope } from "../scopes";
import { tokenEvent, tokenResponse } from "./issue-token-response";
import { clientAccepted, knownTrustHash, tokenContextOf } from "./lean-token-context";
import { commitLeanIssuance, readGrantContext, type KeepExchange } from "./lean-token-store";
import { expiryReasonFor, throttleWaitMs, trustChecked } from "./refresh-token-grant";

/** The token response body for a refresh that passes every rung of refresh-token-grant.ts's ladder, recorded; or null. */
export async function leanRefresh(
  databases: { db: Db; lean: LeanDb },
  tenantId: string,
  request: Request,
  parameters: Parameters,
  correlationId: string,
  keep: KeepExchange,
): Promise<Record<string, unknown> | null> {
  if (!parameters.refresh_token) return null;
  const presentedHash = hashToken(parameters.refresh_token);
  const row = await readGrantContext(databases.lean, tenantId, { refreshTokenHash: presentedHash });
  if (!row || row.faultQueued || !(await clientAccepted(request, parameters, row, "refresh_token", true))) return null;

  const { grant } = row;
  const context = tokenContextOf(databases.db, row, tenantId, "refresh_token", parameters, correlationId);
  const { settings, now } = context;
  if (grant.status !== "active" || expiryReasonFor(grant, row.session, now) !== null || throttleWaitMs(grant, settings, now) > 0)
    return null;
  const requested = parameters.scope ? splitScope(parameters.scope) : splitScope(grant.scope);
  if (!isSubset(requested, splitScope(grant.scope))) return null;
  if (trustChecked(grant, settings) && knownTrustHash(row, settings.checkCacheSeconds, now) !== grant.snapshotHash) return null;

  const rotated = settings.refreshTokenRotation ? randomToken() : undefined;
  const { body, accessToken } = await tokenResponse(context, grant, {
    scope: requested.join(" "),
    refreshToken: rotated,
    selfPatientId: row.selfPatientId,
  });
  const committed = await commitLeanIssuance(databases.lean, {
    grantId: grant.id,
    at: now,
    presentedRefreshTokenHash: presentedHash,
    newRefreshTokenHash: rotated ? hashToken(rotated) : undefined,
    retirePresented: !!rotated,
    accessToken,
    exchange: settings.recordHttpExchanges ? keep(body) : undefined,
    events: [tokenEvent(context, grant, "token.refreshed", body)],
  });
  return committed ? body : null;
}
