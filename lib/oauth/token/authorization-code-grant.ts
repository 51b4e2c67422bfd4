// grant_type=authorization_code (RFC 6749 §4.1.3, RFC 7636 §4.6): a single-use code, bound to the client,
// redirect URI, PKCE challenge and grant. Every binding is checked before the code is touched, so a wrong
// verifier or another client's attempt leaves the code usable by its owner; the code is consumed only by the
// transaction that issues the tokens. Presenting an exchanged code again revokes the grant and its tokens.
import { GRANT_END_REASONS } from "../grant-end-reasons";
import { createHash } from "node:crypto";
import { hashToken, randomToken } from "../../secrets/hashing";
import { evaluateTrust } from "../../trust/evaluate-trust";
import { InvalidGrant, InvalidRequest } from "../errors";
import { revokeGrant, type GrantRow } from "../grants";
import { commitIssuance, IssuanceConflict } from "./commit-issuance";
import { grantEvent, tokenEvent, tokenResponse } from "./issue-token-response";
import type { GrantTypeHandler, TokenContext } from "./token-context";
import type { EventInput } from "../../activity/record-event";
import type { TrustEvaluation } from "../../trust/types";

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

type CodeBindings = { clientId: string; redirectUri: string | null; codeChallenge: string | null };

/** Rules: issued to this client; same redirect_uri as the authorize request; the PKCE verifier matches. */
export function checkBindings({ client, parameters }: Pick<TokenContext, "client" | "parameters">, code: CodeBindings): void {
  if (code.clientId !== client.id) throw new InvalidGrant("the authorization code is invalid", "code issued to another client");
  if (code.redirectUri && parameters.redirect_uri !== code.redirectUri) {
    throw new InvalidGrant("redirect_uri does not match the authorization request", `expected ${code.redirectUri}`);
  }
  if (code.codeChallenge) {
    if (!parameters.code_verifier) throw new InvalidGrant("code_verifier is required", "PKCE challenge was sent at authorize");
    if (!VERIFIER.test(parameters.code_verifier)) throw new InvalidGrant("code_verifier is malformed");
    const computed = createHash("sha256").update(parameters.code_verifier).digest("base64url");
    if (computed !== code.codeChallenge) throw new InvalidGrant("code_verifier does not match the code challenge");
  } else if (parameters.code_verifier) {
    throw new InvalidGrant("code_verifier sent but no code_challenge was given at authorize");
  }
}

async function replayed(context: TokenContext, grant: GrantRow): Promise<never> {
  await revokeGrant(context.db, grant, GRANT_END_REASONS.codeReplayed, context.now, "grant.revoked", context.correlationId);
  throw Object.assign(new InvalidGrant("the authorization code is invalid", "code replayed: the grant and its tokens were revoked"), {
    grantId: grant.id,
  });
}

/** A client registered without the refresh_token grant type gets no refresh token (RFC 7591 §2). */
export function issuesRefreshToken(grant: { accessKind: string }, client: { grantTypes: string[] }): boolean {
  return grant.accessKind !== "none" && client.grantTypes.includes("refresh_token");
}

/** The activity event recording the trust check made at code exchange. */
export function trustCheckedEvent(
  context: TokenContext,
  grant: { id: string; personId: string; patientId: string; snapshotHash: string },
  trust: TrustEvaluation,
): EventInput {
  const matchesApproval = trust.snapshotHash === grant.snapshotHash;
  return grantEvent(context, grant, "trust.checked", {
    at: "code_exchange",
    label: trust.verdict.label,
    snapshotHash: trust.snapshotHash,
    matchesApproval,
    cached: trust.cached,
  });
}

export const authorizationCodeGrant: GrantTypeHandler = {
  grantType: "authorization_code",
  parameters: ["code", "redirect_uri", "code_verifier"],
  async handler(context) {
    const { db, client, parameters, now } = context;
    if (!parameters.code) throw new InvalidRequest("code is required");
    const code = await db.authorizationCode.findUnique({ where: { codeHash: hashToken(parameters.code) } });
    if (!code) throw new InvalidGrant("the authorization code is invalid", "no such code");
    checkBindings(context, code);
    const grant = await db.grant.findUniqueOrThrow({ where: { id: code.grantId } });
    if (code.usedAt) return replayed(context, grant);
    if (code.expiresAt < now) throw new InvalidGrant("the authorization code is invalid", "code expired");
    if (grant.status !== "active")
      throw Object.assign(new InvalidGrant("the authorization code is invalid", `grant is ${grant.status}`), { grantId: grant.id });

    // Trust is evaluated and recorded at code exchange; it never blocks it (DESIGN §1.3).
    const trust = await evaluateTrust(db, client.id, { at: now, checkCacheSeconds: context.settings.checkCacheSeconds });
    const refreshToken = issuesRefreshToken(grant, client) ? randomToken() : undefined;
    const { body, accessToken } = await tokenResponse(context, grant, { scope: grant.scope, refreshToken, nonce: code.nonce });
    const trustChecked = trustCheckedEvent(context, grant, trust);
    try {
      await commitIssuance(db, {
        grantId: grant.id,
        at: now,
        claimCodeHash: code.codeHash,
        grantUpdate: { lastUsedAt: now, ...(refreshToken ? { refreshTokenHash: hashToken(refreshToken) } : {}) },
        accessToken,
        events: [trustChecked, tokenEvent(context, grant, "token.issued", body)],
      });
    } catch (error) {
      if (!(error instanceof IssuanceConflict)) throw error;
      // Another request exchanged the code first: this one is a replay.
      if (error.reason === "code-already-used") return replayed(context, grant);
      throw Object.assign(new InvalidGrant("the authorization code is invalid", "the grant was revoked meanwhile"), { grantId: grant.id });
    }
    return { body, grantId: grant.id };
  },
};
