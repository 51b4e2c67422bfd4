// Who may read what: the Bearer access token (ES256, exp on the sandbox clock, aud = this FHIR base, not
// revoked, grant still active), then SMART v1/v2 scopes per resource type and interaction.
import type { Db } from "../db/client";
import { sandboxNow } from "../clock/sandbox-clock";
import { verifyAccessToken, type AccessTokenClaims } from "../oauth/tokens";
import { parseResourceScope, splitScope } from "../oauth/scopes";
import { FhirError } from "./fhir-errors";

export interface FhirAccess {
  claims: AccessTokenClaims;
  patientId: string;
  scopes: string[];
}

export async function authenticateFhirRequest(db: Db, tenantId: string, request: Request): Promise<FhirAccess> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)$/i.exec(header.trim());
  if (!match) throw new FhirError(401, "login", "an access token is required (Authorization: Bearer <token>)", "invalid_token");
  const checked = await verifyAccessToken(db, tenantId, match[1], await sandboxNow(db, tenantId));
  if (!checked.active) throw new FhirError(401, "login", `the access token is not valid: ${checked.reason}`, "invalid_token");
  const grant = await db.grant.findUnique({ where: { id: checked.claims.grant_id } });
  if (!grant || grant.status !== "active")
    throw new FhirError(401, "login", "the access token's authorization is no longer active", "invalid_token");
  return { claims: checked.claims, patientId: checked.claims.patient, scopes: splitScope(checked.claims.scope) };
}

/** Throws 403 insufficient_scope unless a granted scope allows this interaction on this type. */
export function requireScope(access: FhirAccess, resourceType: string, interaction: "read" | "search"): void {
  const allowed = access.scopes
    .map(parseResourceScope)
    .some(
      (scope) =>
        scope &&
        (scope.resourceType === resourceType || scope.resourceType === "*") &&
        (interaction === "read" ? scope.canRead : scope.canSearch),
    );
  if (!allowed)
    throw new FhirError(403, "forbidden", `the token's scopes do not allow ${interaction} of ${resourceType}`, "insufficient_scope");
}
