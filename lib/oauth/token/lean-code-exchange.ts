// The code exchange most requests are: a fresh, unused code with its bindings right, an active grant, an app whose
// trust evaluation is remembered, nothing queued. Answered with one read and one write; anything else answers null
// and takes the general path (authorization-code-grant.ts), which answers every refusal, including a replay.
import type { LeanDb } from "../../db/lean/lean-db";
import type { Db } from "../../db/client";
import { hashToken, randomToken } from "../../secrets/hashing";
import type { Parameters } from "../form-parameters";
import { checkBindings, issuesRefreshToken, trustCheckedEvent } from "./authorization-code-grant";
import { tokenEvent, tokenResponse } from "./issue-token-response";
import { clientAccepted, rememberedTrust, tokenContextOf } from "./lean-token-context";
import { commitLeanIssuance, readGrantContext, type KeepExchange } from "./lean-token-store";

function bindingsHold(...args: globalThis.Parameters<typeof checkBindings>): boolean {
  try {
    checkBindings(...args);
    return true;
  } catch {
    return false;
  }
}

/** The token response body for a code exchange that passes every check, recorded; or null. */
export async function leanCodeExchange(
  databases: { db: Db; lean: LeanDb },
  tenantId: string,
  request: Request,
  parameters: Parameters,
  correlationId: string,
  keep: KeepExchange,
): Promise<Record<string, unknown> | null> {
  if (!parameters.code) return null;
  const row = await readGrantContext(databases.lean, tenantId, { codeHash: hashToken(parameters.code) });
  const code = row?.code;
  if (!row || !code || row.faultQueued || !(await clientAccepted(request, parameters, row, "authorization_code", false))) return null;

  const { grant } = row;
  const context = tokenContextOf(databases.db, row, tenantId, "authorization_code", parameters, correlationId);
  const { settings, now } = context;
  if (!bindingsHold(context, code) || code.usedAt !== null || code.expiresAt < now || grant.status !== "active") return null;
  // The stored check of a tenant with a check cache carries its own evaluation: the general path reads it.
  const trust = settings.checkCacheSeconds === 0 ? rememberedTrust(row, now) : null;
  if (!trust) return null;

  const refreshToken = issuesRefreshToken(grant, context.client) ? randomToken() : undefined;
  const { body, accessToken } = await tokenResponse(context, grant, {
    scope: grant.scope,
    refreshToken,
    nonce: code.nonce,
    selfPatientId: row.selfPatientId,
  });
  const committed = await commitLeanIssuance(databases.lean, {
    grantId: grant.id,
    at: now,
    claimCodeHash: code.codeHash,
    newRefreshTokenHash: refreshToken ? hashToken(refreshToken) : undefined,
    accessToken,
    exchange: settings.recordHttpExchanges ? keep(body) : undefined,
    events: [trustCheckedEvent(context, grant, trust), tokenEvent(context, grant, "token.issued", body)],
  });
  return committed ? body : null;
}
