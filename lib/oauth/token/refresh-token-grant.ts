// grant_type=refresh_token (RFC 6749 §6) as a ladder of guard clauses in spec order:
// token found (a rotated one presented again revokes the grant) → bound to this client → not expired (90 days
// unused, or the online session ended; checked before the status, so a suspended grant expires too) → not
// revoked/suspended → not sooner than refreshMinIntervalSeconds → scope ⊆ granted → trust unchanged since
// approval (policy) → issue, in one transaction that re-checks the grant.
import { GRANT_END_REASONS, UNUSED_GRANT_LIMIT_DAYS } from "../grant-end-reasons";
import { hashToken, randomToken } from "../../secrets/hashing";
import { evaluateTrust } from "../../trust/evaluate-trust";
import { compareSnapshots } from "../../trust/snapshot";
import type { TrustSnapshot } from "../../trust/types";
import type { Db } from "../../db/client";
import { GRANT_REVOKED_URN, GRANT_SUSPENDED_URN } from "../error-uri";
import { InvalidGrant, InvalidRequest, InvalidScope, TooManyRequests } from "../errors";
import { revokeGrant, suspendGrant, type GrantRow } from "../grants";
import { isSubset, splitScope } from "../scopes";
import { commitIssuance, IssuanceConflict } from "./commit-issuance";
import { tokenEvent, tokenResponse } from "./issue-token-response";
import type { Parameters } from "../form-parameters";
import type { TenantSettings } from "../../settings/tenant-settings";
import type { GrantTypeHandler, TokenContext } from "./token-context";

/** How long a rotated-out refresh token counts as a concurrent request's rather than as reuse. */
export const ROTATION_RACE_WINDOW_MS = 10_000;

/** Suspended and revoked grants answer alike (invalid_grant); only the error_uri's URN tells them apart. */
function refused(grant: GrantRow, status: "suspended" | "revoked", detail: string): InvalidGrant {
  return Object.assign(new InvalidGrant("the refresh token is not valid", detail), {
    urn: status === "suspended" ? GRANT_SUSPENDED_URN : GRANT_REVOKED_URN,
    grantId: grant.id,
  });
}

type SessionTimes = { expiresAt: Date; endedAt: Date | null } | null;

/** Why an offline grant has expired (unused for too long) or an online one ended (its session), at `now`; null when neither. */
export function expiryReasonFor(
  grant: { accessKind: string; lastUsedAt: Date; loginSessionId: string | null },
  session: SessionTimes,
  now: Date,
): string | null {
  if (grant.accessKind === "offline") {
    const unusedMs = now.getTime() - grant.lastUsedAt.getTime();
    return unusedMs > UNUSED_GRANT_LIMIT_DAYS * 86_400_000 ? GRANT_END_REASONS.unused : null;
  }
  if (grant.accessKind === "online") {
    const ended = !grant.loginSessionId || !session || session.endedAt !== null || session.expiresAt < now;
    return ended ? GRANT_END_REASONS.sessionEnded : null;
  }
  return null;
}

export async function expiryReason(db: Db, grant: GrantRow, now: Date): Promise<string | null> {
  const session =
    grant.accessKind === "online" && grant.loginSessionId
      ? await db.loginSession.findUnique({ where: { id: grant.loginSessionId } })
      : null;
  return expiryReasonFor(grant, session, now);
}

/** expiryReason for a list of grants (the manager, the console), with one read of their sign-in sessions. */
export async function expiryReasons(db: Db, grants: GrantRow[], nowOf: (grant: GrantRow) => Date): Promise<Map<string, string | null>> {
  const live = grants.filter((grant) => grant.status !== "revoked");
  const sessionIds = live.flatMap((grant) => (grant.accessKind === "online" && grant.loginSessionId ? [grant.loginSessionId] : []));
  const sessions = new Map(
    sessionIds.length
      ? (await db.loginSession.findMany({ where: { id: { in: sessionIds } }, select: { id: true, expiresAt: true, endedAt: true } })).map(
          (session) => [session.id, session],
        )
      : [],
  );
  return new Map(
    live.map((grant) => [
      grant.id,
      expiryReasonFor(grant, (grant.loginSessionId && sessions.get(grant.loginSessionId)) || null, nowOf(grant)),
    ]),
  );
}

/** Rule: no refresh of a grant sooner than the tenant's minimum interval after its last token response. */
export function throttleWaitMs(grant: { lastUsedAt: Date }, settings: TenantSettings, now: Date): number {
  const minimum = settings.refreshMinIntervalSeconds;
  return minimum <= 0 ? 0 : grant.lastUsedAt.getTime() + minimum * 1000 - now.getTime();
}

/** Whether the trust rung applies: offline grants always, online ones when the tenant says so. */
export function trustChecked(grant: { accessKind: string }, settings: TenantSettings): boolean {
  return grant.accessKind === "offline" || (grant.accessKind === "online" && settings.suspendOnlineAccess);
}

/** The grant a presented refresh token belongs to; a rotated-out token is reuse and revokes its grant. */
async function grantOf(context: Pick<TokenContext, "db" | "now" | "correlationId">, refreshToken: string): Promise<GrantRow> {
  const { db } = context;
  const tokenHash = hashToken(refreshToken);
  const grant = await db.grant.findUnique({ where: { refreshTokenHash: tokenHash } });
  if (grant) return grant;
  const retired = await db.retiredRefreshToken.findUnique({ where: { tokenHash } });
  const owner = retired ? await db.grant.findUnique({ where: { id: retired.grantId } }) : null;
  if (!retired || !owner) throw new InvalidGrant("the refresh token is not valid", "no such refresh token");
  // Two refreshes sent together with one token: the one that lost answers an error, and the winner's new token
  // stays good. Presented again later, the token is reuse.
  if (context.now.getTime() - retired.retiredAt.getTime() < ROTATION_RACE_WINDOW_MS) {
    throw Object.assign(new InvalidGrant("the refresh token is not valid", "a concurrent refresh rotated this refresh token first"), {
      grantId: owner.id,
    });
  }
  await revokeGrant(db, owner, GRANT_END_REASONS.refreshTokenReused, context.now, "grant.revoked", context.correlationId);
  throw refused(owner, "revoked", "refresh token reuse: the grant and its tokens were revoked");
}

/** The trust rung: compare the app's trust now with the snapshot taken when the patient approved. */
async function trustRung(context: TokenContext, grant: GrantRow): Promise<void> {
  if (!trustChecked(grant, context.settings)) return;
  const trust = await evaluateTrust(context.db, context.client.id, {
    at: context.now,
    checkCacheSeconds: context.settings.checkCacheSeconds,
  });
  if (trust.snapshotHash === grant.snapshotHash) return;
  const changes = compareSnapshots(
    grant.snapshot as unknown as TrustSnapshot,
    trust.snapshot,
    context.settings.suspensionPolicy,
    context.client.id,
  );
  if (changes.length === 0) return;
  await suspendGrant(context.db, grant, { changes, correlationId: context.correlationId, snapshotAfter: trust.snapshot }, context.now);
  throw refused(grant, "suspended", `trust changed since approval: ${changes.map((c) => c.code).join(", ")}`);
}

function throttleRung(context: TokenContext, grant: GrantRow): void {
  const waitMs = throttleWaitMs(grant, context.settings, context.now);
  if (waitMs > 0) {
    const retryAfter = Math.ceil(waitMs / 1000);
    const minimum = context.settings.refreshMinIntervalSeconds;
    throw Object.assign(
      new TooManyRequests("refresh requested too soon", retryAfter, `refreshMinIntervalSeconds is ${minimum}; retry in ${retryAfter} s`),
      { grantId: grant.id },
    );
  }
}

/** Why the issuance transaction found the grant changed since it was read: it lost a race. */
async function lostRace(db: Db, grant: GrantRow): Promise<InvalidGrant> {
  const now = await db.grant.findUnique({ where: { id: grant.id } });
  if (!now || now.status === "revoked") return refused(grant, "revoked", "the grant was revoked while the refresh was in progress");
  if (now.status === "suspended") return refused(grant, "suspended", "the grant was suspended while the refresh was in progress");
  return Object.assign(new InvalidGrant("the refresh token is not valid", "a concurrent refresh rotated this refresh token first"), {
    grantId: grant.id,
  });
}

/** Grants already read while identifying a request's client (refresh without client credentials), by request. */
const identifiedGrants = new WeakMap<Parameters, GrantRow>();

export const refreshTokenGrant: GrantTypeHandler = {
  grantType: "refresh_token",
  parameters: ["refresh_token", "scope"],
  identifyClient: (db, tenantId) => async (parameters) => {
    if (!parameters.refresh_token) return null;
    const tokenHash = hashToken(parameters.refresh_token);
    const current = await db.grant.findUnique({ where: { refreshTokenHash: tokenHash } });
    // The handler of this same request reuses the row instead of reading it again.
    if (current) identifiedGrants.set(parameters, current);
    const grant =
      current ??
      (await db.retiredRefreshToken
        .findUnique({ where: { tokenHash } })
        .then((retired) =>
          retired ? db.grant.findUnique({ where: { id: retired.grantId }, select: { clientId: true, tenantId: true } }) : null,
        ));
    if (!grant || grant.tenantId !== tenantId) throw new InvalidGrant("the refresh token is not valid", "no such refresh token");
    return grant.clientId;
  },
  async handler(context) {
    const { db, client, parameters, now } = context;
    if (!parameters.refresh_token) throw new InvalidRequest("refresh_token is required");
    const grant = identifiedGrants.get(parameters) ?? (await grantOf(context, parameters.refresh_token));
    if (grant.clientId !== client.id) throw new InvalidGrant("the refresh token is not valid", "refresh token issued to another client");

    if (grant.status !== "revoked") {
      const expired = await expiryReason(db, grant, now);
      if (expired) {
        await revokeGrant(db, grant, expired, now, "grant.expired", context.correlationId);
        throw refused(grant, "revoked", `grant expired: ${expired}`);
      }
    }
    if (grant.status === "revoked") throw refused(grant, "revoked", `grant revoked: ${grant.revokedReason ?? "no reason"}`);
    if (grant.status === "suspended") throw refused(grant, "suspended", "grant is suspended");
    throttleRung(context, grant);

    const requested = parameters.scope ? splitScope(parameters.scope) : splitScope(grant.scope);
    if (!isSubset(requested, splitScope(grant.scope))) throw new InvalidScope("the requested scope exceeds what was granted");

    await trustRung(context, grant);

    const rotated = context.settings.refreshTokenRotation ? randomToken() : undefined;
    const { body, accessToken } = await tokenResponse(context, grant, { scope: requested.join(" "), refreshToken: rotated });
    try {
      await commitIssuance(db, {
        grantId: grant.id,
        at: now,
        presentedRefreshTokenHash: hashToken(parameters.refresh_token),
        retireRefreshToken: !!rotated,
        grantUpdate: { lastUsedAt: now, ...(rotated ? { refreshTokenHash: hashToken(rotated) } : {}) },
        accessToken,
        events: [tokenEvent(context, grant, "token.refreshed", body)],
      });
    } catch (error) {
      if (error instanceof IssuanceConflict) throw await lostRace(db, grant);
      throw error;
    }
    return { body, grantId: grant.id };
  },
};
