// grant_type=refresh_token (RFC 6749 §6) as a ladder of guard clauses in spec order:
// token found → bound to this client → grant not revoked/suspended → not expired (90 days unused, or the
// online session ended) → scope ⊆ granted → trust unchanged since approval (policy) → issue.
import { sandboxNow } from "../../clock/sandbox-clock";
import { hashToken, randomToken } from "../../secrets/hashing";
import { evaluateTrust } from "../../trust/evaluate-trust";
import { compareSnapshots } from "../../trust/snapshot";
import type { TrustSnapshot } from "../../trust/types";
import type { Db } from "../../db/client";
import { GRANT_REVOKED_URN, GRANT_SUSPENDED_URN } from "../error-uri";
import { InvalidGrant, InvalidRequest, InvalidScope } from "../errors";
import { revokeGrant, suspendGrant } from "../grants";
import { isSubset, splitScope } from "../scopes";
import { tokenResponse } from "./issue-token-response";
import type { GrantTypeHandler, TokenContext } from "./token-context";

export const UNUSED_GRANT_LIMIT_DAYS = 90;

type GrantRow = NonNullable<Awaited<ReturnType<Db["grant"]["findUnique"]>>>;

/** Suspended and revoked grants answer alike (invalid_grant); only the error_uri's URN tells them apart. */
function refused(grant: GrantRow, status: "suspended" | "revoked", detail: string): InvalidGrant {
  return Object.assign(new InvalidGrant("the refresh token is not valid", detail), { urn: status === "suspended" ? GRANT_SUSPENDED_URN : GRANT_REVOKED_URN, grantId: grant.id });
}

async function expiryReason(context: TokenContext, grant: GrantRow): Promise<string | null> {
  if (grant.accessKind === "offline") {
    const unusedMs = context.now.getTime() - grant.lastUsedAt.getTime();
    return unusedMs > UNUSED_GRANT_LIMIT_DAYS * 86_400_000 ? `unused for more than ${UNUSED_GRANT_LIMIT_DAYS} days` : null;
  }
  if (grant.accessKind === "online") {
    const session = grant.loginSessionId ? await context.db.loginSession.findUnique({ where: { id: grant.loginSessionId } }) : null;
    const ended = !session || session.endedAt !== null || session.expiresAt < (await sandboxNow(context.db));
    return ended ? "the patient's sign-in session ended (online_access)" : null;
  }
  return null;
}

/** The trust rung: compare the app's trust now with the snapshot taken when the patient approved. */
async function trustRung(context: TokenContext, grant: GrantRow): Promise<void> {
  const checked = grant.accessKind === "offline" || (grant.accessKind === "online" && context.settings.suspendOnlineAccess);
  if (!checked) return;
  const trust = await evaluateTrust(context.db, context.client.id, { at: context.now, checkCacheSeconds: context.settings.checkCacheSeconds });
  if (trust.snapshotHash === grant.snapshotHash) return;
  const changes = compareSnapshots(grant.snapshot as unknown as TrustSnapshot, trust.snapshot, context.settings.suspensionPolicy, context.client.id);
  if (changes.length === 0) return;
  await suspendGrant(context.db, grant, { changes, correlationId: context.correlationId, snapshotAfter: trust.snapshot }, context.now);
  throw refused(grant, "suspended", `trust changed since approval: ${changes.map((c) => c.code).join(", ")}`);
}

export const refreshTokenGrant: GrantTypeHandler = {
  grantType: "refresh_token",
  parameters: ["refresh_token", "scope"],
  async handler(context) {
    const { db, client, parameters, now } = context;
    if (!parameters.refresh_token) throw new InvalidRequest("refresh_token is required");
    const grant = await db.grant.findUnique({ where: { refreshTokenHash: hashToken(parameters.refresh_token) } });
    if (!grant) throw new InvalidGrant("the refresh token is not valid", "no such refresh token");
    if (grant.clientId !== client.id) throw new InvalidGrant("the refresh token is not valid", "refresh token issued to another client");
    if (grant.status === "revoked") throw refused(grant, "revoked", `grant revoked: ${grant.revokedReason ?? "no reason"}`);
    if (grant.status === "suspended") throw refused(grant, "suspended", "grant is suspended");

    const expired = await expiryReason(context, grant);
    if (expired) {
      await revokeGrant(db, grant, expired, now, "grant.expired", context.correlationId);
      throw refused(grant, "revoked", `grant expired: ${expired}`);
    }

    const requested = parameters.scope ? splitScope(parameters.scope) : splitScope(grant.scope);
    if (!isSubset(requested, splitScope(grant.scope))) throw new InvalidScope("the requested scope exceeds what was granted");

    await trustRung(context, grant);

    let refreshToken: string | undefined;
    if (context.settings.refreshTokenRotation) refreshToken = randomToken();
    await db.grant.update({ where: { id: grant.id }, data: { lastUsedAt: now, ...(refreshToken ? { refreshTokenHash: hashToken(refreshToken) } : {}) } });
    const body = await tokenResponse(context, grant, { scope: requested.join(" "), refreshToken });
    return { body, grantId: grant.id, event: "token.refreshed" };
  },
};
