// Builds the token response (RFC 6749 §5.1 plus SMART's patient context) for a grant. Signing writes nothing:
// the access token's record goes into the issuance transaction (commit-issuance.ts) with everything else.
import type { Db } from "../../db/client";
import { authorizationServerUrls } from "../endpoints";
import { signAccessToken, signIdToken } from "../tokens";
import { splitScope } from "../scopes";
import type { TokenContext } from "./token-context";
import type { EventInput } from "../../activity/record-event";

/** What a token response needs of its grant. */
type GrantRow = { id: string; personId: string; patientId: string };

/** `Patient/<id>` of the person's own record, for the id token's fhirUser claim (the id when the caller has it). */
async function fhirUserOf(db: Db, tenantId: string, personId: string, selfPatientId?: string | null): Promise<string | null> {
  const own =
    selfPatientId !== undefined
      ? selfPatientId
      : (await db.patientAccess.findFirst({ where: { personId, relationship: "self" }, orderBy: { patientId: "asc" } }))?.patientId;
  return own ? `${authorizationServerUrls(tenantId).fhirBase}/Patient/${own}` : null;
}

export interface SignedTokenResponse {
  body: Record<string, unknown>;
  accessToken: { jti: string; expiresAt: Date };
}

export async function tokenResponse(
  context: TokenContext,
  grant: GrantRow,
  options: { scope: string; refreshToken?: string; nonce?: string | null; selfPatientId?: string | null },
): Promise<SignedTokenResponse> {
  const { db, tenantId, client, now, settings } = context;
  const access = await signAccessToken(db, {
    tenantId,
    clientId: client.id,
    personId: grant.personId,
    patientId: grant.patientId,
    scope: options.scope,
    grantId: grant.id,
    now,
    lifetimeSeconds: settings.accessTokenLifetimeSeconds,
  });
  const scopes = splitScope(options.scope);
  const body: Record<string, unknown> = {
    access_token: access.token,
    token_type: "Bearer",
    expires_in: settings.accessTokenLifetimeSeconds,
    scope: options.scope,
    patient: grant.patientId,
    need_patient_banner: true,
    smart_style_url: authorizationServerUrls(tenantId).smartStyle,
  };
  if (scopes.includes("openid")) {
    body.id_token = await signIdToken(db, {
      tenantId,
      clientId: client.id,
      personId: grant.personId,
      fhirUser: scopes.includes("fhirUser") ? await fhirUserOf(db, tenantId, grant.personId, options.selfPatientId) : null,
      nonce: options.nonce,
      now,
    });
  }
  if (options.refreshToken) body.refresh_token = options.refreshToken;
  return { body, accessToken: { jti: access.jti, expiresAt: access.expiresAt } };
}

/** An activity event about a grant, from the token endpoint's request. */
export function grantEvent(context: TokenContext, grant: GrantRow, type: string, payload: Record<string, unknown>): EventInput {
  return {
    type,
    tenantId: context.tenantId,
    clientId: context.client.id,
    grantId: grant.id,
    patientId: grant.patientId,
    correlationId: context.correlationId,
    sandboxAt: context.now,
    payload,
  };
}

/** The activity event of a token response (no token values: only what was issued). */
export function tokenEvent(context: TokenContext, grant: GrantRow, type: string, body: Record<string, unknown>): EventInput {
  return grantEvent(context, grant, type, {
    grantType: context.grantType,
    scope: body.scope,
    expiresIn: body.expires_in,
    refreshTokenIssued: "refresh_token" in body,
  });
}
