// What the lean token path (lean-token-request.ts) derives from its one read, shared by both grant types: whether
// the client authenticated as the grant's client, the token context (settings, sandbox clock), and the app's trust
// when it is known without X.509 work.
import type { Db } from "../../db/client";
import { settingsFromRows } from "../../settings/tenant-settings";
import { rememberedEvaluation } from "../../trust/evaluation-cache";
import type { TrustEvaluation } from "../../trust/types";
import { presentedCredentials, toAuthenticatedClient, verifyClientCredentials } from "../client-authentication";
import type { Parameters } from "../form-parameters";
import type { GrantContextRow } from "./lean-token-store";
import type { TokenContext } from "./token-context";

/**
 * Whether the request authenticates as the grant's client, registered for this grant type. `mayIdentify`: the
 * request may name no client at all (a refresh: the grant names it), which only a public client may do.
 */
export async function clientAccepted(
  request: Request,
  parameters: Parameters,
  row: GrantContextRow,
  grantType: string,
  mayIdentify: boolean,
): Promise<boolean> {
  try {
    const presented = presentedCredentials(request, parameters);
    if (presented.clientId === null ? !mayIdentify : presented.clientId !== row.client.id) return false;
    await verifyClientCredentials(row.client, presented, presented.clientId === null);
    return row.client.tenantId === row.grant.tenantId && row.client.grantTypes.includes(grantType);
  } catch {
    return false;
  }
}

/** The grant handler's context, from the read: the tenant's settings and its clock's now. */
export function tokenContextOf(
  db: Db,
  row: GrantContextRow,
  tenantId: string,
  grantType: string,
  parameters: Parameters,
  correlationId: string,
): TokenContext {
  const settings = settingsFromRows(row.settingRows);
  const now = new Date(Date.now() + row.clockOffsetSeconds * 1000);
  return { db, tenantId, grantType, client: toAuthenticatedClient(row.client), parameters, settings, now, correlationId };
}

/** The app's trust evaluation now when it is remembered for this very world revision and client (no X.509 work). */
export function rememberedTrust(row: GrantContextRow, now: Date): TrustEvaluation | null {
  // A live app's world is the real network: only a probe (or the stored, cache-time-bound check) knows it.
  if (row.hostRevision === null || row.client.trustSource !== "simulated") return null;
  return rememberedEvaluation(row.client.id, { hostRevision: row.hostRevision, clientUpdatedAt: row.client.updatedAt }, now);
}

/** The snapshot hash of the app's trust now as the token endpoint sees it (honouring the check cache), or null. */
export function knownTrustHash(row: GrantContextRow, checkCacheSeconds: number, now: Date): string | null {
  if (checkCacheSeconds > 0) {
    // The vendor-like cached check (trust/evaluate-trust.ts): while it is fresh, it is the answer.
    const age = row.storedCheck ? now.getTime() - row.storedCheck.checkedAt.getTime() : Infinity;
    return row.storedCheck && age >= 0 && age < checkCacheSeconds * 1000 ? row.storedCheck.snapshotHash : null;
  }
  return rememberedTrust(row, now)?.snapshotHash ?? null;
}
