// The refresh most requests are: an active grant, an unchanged app, nothing queued. It costs two database calls
// (lean-refresh-store.ts: one read, one write) and no X.509 work (the app's trust evaluation is remembered,
// trust/evaluation-cache.ts). It answers only when every rung of the ladder in refresh-token-grant.ts passes;
// anything else — an error to answer, a suspension to record, a cache to fill, a fault queued, a lost race —
// answers null and the request takes the general path, which reads afresh and decides. So every refusal is
// made by one piece of code, and this one can only ever say yes when that one would.
import type { LeanDb } from "../../db/lean/lean-db";
import type { Db } from "../../db/client";
import { hashToken, randomToken } from "../../secrets/hashing";
import { settingsFromRows } from "../../settings/tenant-settings";
import { rememberedEvaluation } from "../../trust/evaluation-cache";
import { OAuthError } from "../errors";
import { presentedCredentials, toAuthenticatedClient, verifyClientCredentials } from "../client-authentication";
import { pickParameters, readFormBody, type Parameters } from "../form-parameters";
import { log } from "../../log/logger";
import { newCorrelationId, oauthJson } from "../oauth-response";
import { CLIENT_AUTHENTICATION_PARAMETERS } from "./grant-types";
import { refreshTokenGrant } from "./refresh-token-grant";
import { isSubset, splitScope } from "../scopes";
import { tokenEvent, tokenResponse } from "./issue-token-response";
import { commitLeanIssuance, readRefreshRow, type RefreshRow } from "./lean-token-store";
import { expiryReasonFor, throttleWaitMs, trustChecked } from "./refresh-token-grant";
import type { TokenContext } from "./token-context";

/** The snapshot hash of the app's trust now, when it is known without any X.509 work; null otherwise. */
function knownTrustHash(row: RefreshRow, checkCacheSeconds: number, now: Date): string | null {
  if (checkCacheSeconds > 0) {
    // The vendor-like cached check (trust/evaluate-trust.ts): while it is fresh, it is the answer.
    const age = row.storedCheck ? now.getTime() - row.storedCheck.checkedAt.getTime() : Infinity;
    return row.storedCheck && age >= 0 && age < checkCacheSeconds * 1000 ? row.storedCheck.snapshotHash : null;
  }
  if (row.hostRevision === null) return null;
  return rememberedEvaluation(row.client.id, { hostRevision: row.hostRevision, clientUpdatedAt: row.client.updatedAt }, now)?.snapshotHash ?? null;
}

async function clientAccepted(request: Request, parameters: Parameters, row: RefreshRow): Promise<boolean> {
  try {
    const presented = presentedCredentials(request, parameters);
    if (presented.clientId !== null && presented.clientId !== row.client.id) return false;
    await verifyClientCredentials(row.client, presented, presented.clientId === null);
    return row.client.tenantId === row.grant.tenantId && row.client.grantTypes.includes("refresh_token");
  } catch {
    return false;
  }
}

/** The token response body for a refresh that passes every check, already recorded; null to take the general path. */
export async function leanRefresh(
  databases: { db: Db; lean: LeanDb },
  tenantId: string,
  request: Request,
  parameters: Parameters,
  correlationId: string,
): Promise<Record<string, unknown> | null> {
  const refreshToken = parameters.refresh_token;
  if (!refreshToken) return null;
  const presentedHash = hashToken(refreshToken);
  const row = await readRefreshRow(databases.lean, tenantId, presentedHash);
  if (!row || row.faultQueued || !(await clientAccepted(request, parameters, row))) return null;

  const { grant } = row;
  const settings = settingsFromRows(row.settingRows);
  const now = new Date(Date.now() + row.clockOffsetSeconds * 1000);
  if (grant.status !== "active" || expiryReasonFor(grant, row.session, now) !== null || throttleWaitMs(grant, settings, now) > 0) return null;
  const requested = parameters.scope ? splitScope(parameters.scope) : splitScope(grant.scope);
  if (!isSubset(requested, splitScope(grant.scope))) return null;
  if (trustChecked(grant, settings) && knownTrustHash(row, settings.checkCacheSeconds, now) !== grant.snapshotHash) return null;

  const context: TokenContext = { db: databases.db, tenantId, grantType: "refresh_token", client: toAuthenticatedClient(row.client), parameters, settings, now, correlationId };
  const rotated = settings.refreshTokenRotation ? randomToken() : undefined;
  const { body, accessToken } = await tokenResponse(context, grant, { scope: requested.join(" "), refreshToken: rotated, selfPatientId: row.selfPatientId });
  const committed = await commitLeanIssuance(databases.lean, {
    grantId: grant.id,
    at: now,
    presentedRefreshTokenHash: presentedHash,
    newRefreshTokenHash: rotated ? hashToken(rotated) : undefined,
    retirePresented: !!rotated,
    accessToken,
    events: [tokenEvent(context, grant, "token.refreshed", body)],
  });
  return committed ? body : null;
}

/**
 * The token endpoint's fast path (tenant-route.ts runs it before the tenant check and the general handler, on a
 * copy of the request): a refresh answered here, or null. It never answers an error: anything unusual, malformed
 * or failing goes the general way, which answers it — a failure here is logged, not hidden.
 */
export async function leanTokenRequest(databases: { db: Db; lean: LeanDb }, tenantId: string, request: Request): Promise<Response | null> {
  try {
    const form = await readFormBody(request);
    if (form.get("grant_type") !== "refresh_token") return null;
    const parameters = pickParameters(form, ["grant_type", ...CLIENT_AUTHENTICATION_PARAMETERS, ...refreshTokenGrant.parameters]);
    const correlationId = newCorrelationId();
    const body = await leanRefresh(databases, tenantId, request, parameters, correlationId);
    return body ? oauthJson(body, correlationId) : null;
  } catch (error) {
    // Malformed input throws here too (the general path answers it); only unexpected failures are worth a line.
    if (!(error instanceof OAuthError)) log.warn({ err: error }, "the lean refresh path failed; the general path answers");
    return null;
  }
}
