// Validated authorize requests waiting for the patient, and their outcome: a grant with the trust snapshot
// taken at approval plus a single-use code, or access_denied. Each request completes at most once.
import { randomUUID } from "node:crypto";
import type { Db, DbOrTransaction } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { eventCreate } from "../../activity/record-event";
import { sandboxNow } from "../../clock/sandbox-clock";
import { formToken, verifyFormToken } from "../../secrets/form-tokens";
import { hashToken, randomToken } from "../../secrets/hashing";
import { evaluateTrust } from "../../trust/evaluate-trust";
import { authorizationServerUrls } from "../endpoints";
import { recordOAuthError } from "../error-uri";
import { readSettings, type TenantSettings } from "../../settings/tenant-settings";
import { AccessDenied, type OAuthError } from "../errors";
import { accessKindOf, isOptionalScope } from "../scopes";
import { redirectWith, type ValidatedAuthorization } from "./authorize-checks";

const REQUEST_LIFETIME_MS = 30 * 60_000;
const CODE_LIFETIME_MS = 60_000;

export class AuthorizationRequestUnavailable extends Error {
  override name = "AuthorizationRequestUnavailable";
}

export async function startAuthorizationRequest(db: Db, tenantId: string, validated: ValidatedAuthorization): Promise<string> {
  const id = randomUUID();
  const now = await sandboxNow(db, tenantId);
  await db.authorizationRequest.create({
    data: {
      id,
      tenantId,
      clientId: validated.clientId,
      parameters: validated as unknown as Prisma.InputJsonValue,
      expiresAt: new Date(now.getTime() + REQUEST_LIFETIME_MS),
    },
  });
  return id;
}

export async function loadAuthorizationRequest(db: Db, tenantId: string, id: string) {
  const request = /^[0-9a-f-]{36}$/.test(id) ? await db.authorizationRequest.findUnique({ where: { id } }) : null;
  if (!request || request.tenantId !== tenantId)
    throw new AuthorizationRequestUnavailable("This sign-in link is not valid. Go back to the app and start again.");
  if (request.completedAt) throw new AuthorizationRequestUnavailable("This request was already answered. Go back to the app to continue.");
  if (request.expiresAt < (await sandboxNow(db, tenantId)))
    throw new AuthorizationRequestUnavailable("This request has expired. Go back to the app and start again.");
  return { ...request, parameters: request.parameters as unknown as ValidatedAuthorization };
}

/** The patient chosen on the picker, for a request that is still open (else AuthorizationRequestUnavailable). */
export async function choosePatientForRequest(db: Db, tenantId: string, requestId: string, patientId: string): Promise<void> {
  await loadAuthorizationRequest(db, tenantId, requestId);
  await db.authorizationRequest.update({ where: { id: requestId }, data: { patientId } });
}

/** The app a request of this tenant is for (the sign-in page names it), or null. */
export async function requestingClientId(db: Db, tenantId: string, requestId: string): Promise<string | null> {
  const request = await db.authorizationRequest.findUnique({ where: { id: requestId }, select: { clientId: true, tenantId: true } });
  return request?.tenantId === tenantId ? request.clientId : null;
}

/** CSRF token for the consent form and the patient picker: bound to the request and to the signed-in session. */
export async function consentCsrfToken(db: Db, requestId: string, loginSessionId: string): Promise<string> {
  return formToken(db, `consent:${requestId}`, loginSessionId);
}

export async function verifyConsentCsrfToken(db: Db, requestId: string, loginSessionId: string, presented: string): Promise<boolean> {
  return verifyFormToken(db, `consent:${requestId}`, loginSessionId, presented);
}

async function complete(db: DbOrTransaction, id: string, patientId: string | null): Promise<void> {
  const claimed = await db.authorizationRequest.updateMany({
    where: { id, completedAt: null },
    data: { completedAt: new Date(), patientId },
  });
  if (claimed.count === 0) throw new AuthorizationRequestUnavailable("This request was already answered. Go back to the app to continue.");
}

/** RFC 9207: the issuer in every authorization response, unless the tenant turned it off for vendor parity. */
function issuerParameter(settings: TenantSettings, tenantId: string): string | null {
  return settings.authorizationResponseIss ? authorizationServerUrls(tenantId).issuer : null;
}

/** Allow: the granted scopes are the required ones plus the resource scopes the patient kept ticked. */
export async function approveAuthorizationRequest(
  db: Db,
  input: {
    tenantId: string;
    requestId: string;
    personId: string;
    patientId: string;
    loginSessionId: string;
    keptScopes: string[];
    /** The consent form's POST, so its Raw HTTP exchange joins the grant's. */
    correlationId?: string;
  },
): Promise<string> {
  const request = await loadAuthorizationRequest(db, input.tenantId, input.requestId);
  const requested = request.parameters.scope;
  const granted = requested.filter((scope) => !isOptionalScope(scope) || input.keptScopes.includes(scope));
  const accessKind = accessKindOf(granted);
  const now = await sandboxNow(db, input.tenantId);
  const trust = await evaluateTrust(db, request.clientId, { at: now });
  const grantId = randomUUID();
  const code = randomToken();
  const grantData = {
    id: grantId,
    tenantId: input.tenantId,
    clientId: request.clientId,
    personId: input.personId,
    patientId: input.patientId,
    scope: granted.join(" "),
    accessKind,
    snapshot: trust.snapshot as unknown as Prisma.InputJsonValue,
    snapshotHash: trust.snapshotHash,
    approvedAt: now,
    lastUsedAt: now,
    loginSessionId: accessKind === "online" ? input.loginSessionId : null,
  };
  await db.$transaction(async (tx) => {
    await complete(tx, request.id, input.patientId);
    await tx.grant.create({ data: grantData });
    await tx.authorizationCode.create({
      data: {
        codeHash: hashToken(code),
        grantId,
        clientId: request.clientId,
        redirectUri: request.parameters.redirectUriGiven ? request.parameters.redirectUri : "",
        codeChallenge: request.parameters.codeChallenge,
        nonce: request.parameters.nonce,
        expiresAt: new Date(now.getTime() + CODE_LIFETIME_MS),
      },
    });
    await eventCreate(tx, {
      type: "grant.created",
      tenantId: input.tenantId,
      clientId: request.clientId,
      grantId,
      patientId: input.patientId,
      correlationId: input.correlationId ?? null,
      sandboxAt: now,
      payload: {
        requestId: request.id,
        requested: requested.join(" "),
        granted: grantData.scope,
        accessKind,
        trustLabel: trust.verdict.label,
        snapshotHash: trust.snapshotHash,
      },
    });
  });
  return redirectWith(request.parameters.redirectUri, {
    code,
    state: request.parameters.state,
    iss: issuerParameter(await readSettings(db, input.tenantId), input.tenantId),
  });
}

/** Deny: back to the app with access_denied. */
export async function denyAuthorizationRequest(db: Db, input: { tenantId: string; requestId: string; personId: string }): Promise<string> {
  const request = await loadAuthorizationRequest(db, input.tenantId, input.requestId);
  await complete(db, request.id, null);
  const errorUri = await recordOAuthError(db, {
    id: randomUUID(),
    endpoint: "authorize",
    error: new AccessDenied("The patient denied the request."),
    tenantId: input.tenantId,
    clientId: request.clientId,
    eventType: "authorize.denied",
    eventPayload: { personId: input.personId },
  });
  return redirectWith(request.parameters.redirectUri, {
    error: "access_denied",
    error_uri: errorUri,
    state: request.parameters.state,
    iss: issuerParameter(await readSettings(db, input.tenantId), input.tenantId),
  });
}

/** Records an authorize error that goes back to the app, and returns the URL to send the browser to. */
export async function authorizeErrorRedirect(
  db: Db,
  input: {
    tenantId: string;
    settings: TenantSettings;
    error: OAuthError;
    redirectUri: string;
    state: string | null;
    clientId: string;
    correlationId: string;
  },
): Promise<string> {
  const errorUri = await recordOAuthError(db, {
    id: input.correlationId,
    endpoint: "authorize",
    error: input.error,
    tenantId: input.tenantId,
    clientId: input.clientId,
  });
  return redirectWith(input.redirectUri, {
    error: input.error.error,
    error_description: input.settings.errorDescription ? input.error.description : null,
    error_uri: errorUri,
    state: input.state,
    iss: issuerParameter(input.settings, input.tenantId),
  });
}
