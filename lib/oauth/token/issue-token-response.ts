// Builds the token response (RFC 6749 §5.1 plus SMART's patient context) for a grant.
import type { Db } from "../../db/client";
import { authorizationServerUrls } from "../endpoints";
import { issueAccessToken, issueIdToken } from "../tokens";
import { splitScope } from "../scopes";
import type { TokenContext } from "./token-context";

type GrantRow = NonNullable<Awaited<ReturnType<Db["grant"]["findUnique"]>>>;

/** `Patient/<id>` of the person's own record, for the id token's fhirUser claim. */
async function fhirUserOf(db: Db, tenantId: string, personId: string): Promise<string | null> {
  const own = await db.patientAccess.findFirst({ where: { personId, relationship: "self" } });
  return own ? `${authorizationServerUrls(tenantId).fhirBase}/Patient/${own.patientId}` : null;
}

export async function tokenResponse(
  context: TokenContext,
  grant: GrantRow,
  options: { scope: string; refreshToken?: string; nonce?: string | null },
): Promise<Record<string, unknown>> {
  const { db, tenantId, client, now, settings } = context;
  const access = await issueAccessToken(db, {
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
    body.id_token = await issueIdToken(db, {
      tenantId,
      clientId: client.id,
      personId: grant.personId,
      fhirUser: scopes.includes("fhirUser") ? await fhirUserOf(db, tenantId, grant.personId) : null,
      nonce: options.nonce,
      now,
    });
  }
  if (options.refreshToken) body.refresh_token = options.refreshToken;
  return body;
}
