// grant_type=authorization_code (RFC 6749 §4.1.3, RFC 7636 §4.6): a single-use code, bound to the client,
// redirect URI, PKCE challenge and grant. A replayed code revokes the grant and every token issued under it.
import { createHash } from "node:crypto";
import { recordEvent } from "../../activity/record-event";
import { hashToken, randomToken } from "../../secrets/hashing";
import { evaluateTrust } from "../../trust/evaluate-trust";
import { InvalidGrant, InvalidRequest } from "../errors";
import { revokeGrant } from "../grants";
import { tokenResponse } from "./issue-token-response";
import type { GrantTypeHandler } from "./token-context";

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export const authorizationCodeGrant: GrantTypeHandler = {
  grantType: "authorization_code",
  parameters: ["code", "redirect_uri", "code_verifier"],
  async handler(context) {
    const { db, client, parameters, now } = context;
    if (!parameters.code) throw new InvalidRequest("code is required");
    const code = await db.authorizationCode.findUnique({ where: { codeHash: hashToken(parameters.code) } });
    if (!code) throw new InvalidGrant("the authorization code is invalid", "no such code");
    const grant = await db.grant.findUniqueOrThrow({ where: { id: code.grantId } });

    const claimed = await db.authorizationCode.updateMany({ where: { codeHash: code.codeHash, usedAt: null }, data: { usedAt: now } });
    if (claimed.count === 0) {
      await revokeGrant(db, grant, "authorization code used twice", now, "grant.revoked", context.correlationId);
      throw Object.assign(new InvalidGrant("the authorization code is invalid", "code replayed: the grant and its tokens were revoked"), { grantId: grant.id });
    }
    if (code.clientId !== client.id) throw new InvalidGrant("the authorization code is invalid", "code issued to another client");
    if (code.expiresAt < now) throw new InvalidGrant("the authorization code is invalid", "code expired");
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
    if (grant.status !== "active") throw Object.assign(new InvalidGrant("the authorization code is invalid", `grant is ${grant.status}`), { grantId: grant.id });

    // Trust is evaluated and recorded at code exchange; it never blocks it (DESIGN §1.3).
    const trust = await evaluateTrust(db, client.id, { at: now, checkCacheSeconds: context.settings.checkCacheSeconds });
    await recordEvent(db, {
      type: "trust.checked",
      tenantId: context.tenantId,
      clientId: client.id,
      grantId: grant.id,
      patientId: grant.patientId,
      correlationId: context.correlationId,
      sandboxAt: now,
      payload: { at: "code_exchange", label: trust.verdict.label, snapshotHash: trust.snapshotHash, matchesApproval: trust.snapshotHash === grant.snapshotHash, cached: trust.cached },
    });

    let refreshToken: string | undefined;
    if (grant.accessKind !== "none") {
      refreshToken = randomToken();
      await db.grant.update({ where: { id: grant.id }, data: { refreshTokenHash: hashToken(refreshToken), lastUsedAt: now } });
    }
    const body = await tokenResponse(context, grant, { scope: grant.scope, refreshToken, nonce: code.nonce });
    return { body, grantId: grant.id, event: "token.issued" };
  },
};
