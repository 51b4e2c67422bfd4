// Headless grant control for scripted tests: approve as a patient would (same request, snapshot, code and events
// as the consent screen), then answer the code or the tokens; and act on grants as the patient or the console would.
import { createHash, randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { addDuration, parseDuration } from "../clock/iso-duration";
import { sandboxNow } from "../clock/sandbox-clock";
import { administerGrant, GrantActionRefused } from "../console/grant-administration";
import { approveAuthorizationRequest, startAuthorizationRequest } from "../oauth/authorize/authorization-requests";
import { toAuthenticatedClient } from "../oauth/client-authentication";
import { authorizationServerUrls } from "../oauth/endpoints";
import type { TrustChange } from "../trust/types";
import { changeInPlainWords } from "../wording/patient-wording";
import { reapproveGrant } from "../oauth/grant-review";
import { REVIEW_MESSAGES } from "../wording/patient-wording";
import { grantEvent, type GrantRow } from "../oauth/grants";
import { scopeProblems, scopesOutsideRegistration, splitScope } from "../oauth/scopes";
import { authorizationCodeGrant } from "../oauth/token/authorization-code-grant";
import { startSession } from "../patient-session/sessions";
import { hashToken, randomToken } from "../secrets/hashing";
import { readSettings } from "../settings/tenant-settings";

export class HeadlessGrantRefused extends Error {
  override name = "HeadlessGrantRefused";
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message);
  }
}

export interface ApproveInput {
  client_id: string;
  username: string;
  patient?: string;
  scope?: string;
  issue: "code" | "tokens";
  redirect_uri?: string;
}

/** What an app registered with `scope` asks for by default: all of it, with offline_access winning over online_access. */
function defaultRequest(registered: string): string[] {
  const scopes = splitScope(registered);
  return scopes.includes("offline_access") ? scopes.filter((scope) => scope !== "online_access") : scopes;
}

async function chosenPatient(db: Db, personId: string, username: string, requested?: string): Promise<string> {
  const access = await db.patientAccess.findMany({ where: { personId }, orderBy: { relationship: "desc" } });
  if (requested) {
    if (!access.some((row) => row.patientId === requested))
      throw new HeadlessGrantRefused(
        `${username} may not act for patient "${requested}"; they may act for ${access.map((row) => row.patientId).join(", ")}`,
      );
    return requested;
  }
  if (access.length !== 1)
    throw new HeadlessGrantRefused(
      `${username} acts for several patients (${access.map((row) => row.patientId).join(", ")}): give "patient"`,
    );
  return access[0].patientId;
}

export async function approveHeadless(db: Db, tenantId: string, input: ApproveInput) {
  const client = await db.client.findUnique({ where: { id: input.client_id } });
  if (!client || client.tenantId !== tenantId)
    throw new HeadlessGrantRefused(`no app with client_id "${input.client_id}" in this tenant`, 404);
  const person = await db.person.findUnique({ where: { tenantId_username: { tenantId, username: input.username.trim().toLowerCase() } } });
  if (!person) throw new HeadlessGrantRefused(`no account "${input.username}" in this tenant`, 404);
  const patientId = await chosenPatient(db, person.id, person.username, input.patient);
  const scope = input.scope ? splitScope(input.scope) : defaultRequest(client.scope);
  const problems = [
    ...scopeProblems(scope, await readSettings(db, tenantId)).map((p) => `${p.scope}: ${p.reason}`),
    ...scopesOutsideRegistration(scope, splitScope(client.scope)).map((s) => `${s}: not in the app's registered scope`),
  ];
  if (problems.length) throw new HeadlessGrantRefused(`scope refused: ${problems.join("; ")}`);
  const redirectUris = client.redirectUris as string[];
  const redirectUri = input.redirect_uri ?? redirectUris[0];
  if (!redirectUris.includes(redirectUri)) throw new HeadlessGrantRefused(`redirect_uri "${redirectUri}" is not registered for this app`);

  const verifier = randomToken();
  const requestId = await startAuthorizationRequest(db, tenantId, {
    clientId: client.id,
    clientName: client.clientName,
    redirectUri,
    redirectUriGiven: true,
    scope,
    state: `headless-${randomUUID()}`,
    aud: authorizationServerUrls(tenantId).fhirBase,
    codeChallenge: createHash("sha256").update(verifier).digest("base64url"),
    nonce: null,
  });
  const session = await startSession(db, tenantId, person, "control_api");
  const location = new URL(
    await approveAuthorizationRequest(db, {
      tenantId,
      requestId,
      personId: person.id,
      patientId,
      loginSessionId: session.sessionId,
      keptScopes: scope,
    }),
  );
  const code = location.searchParams.get("code")!;
  const { grantId } = await db.authorizationCode.findUniqueOrThrow({ where: { codeHash: hashToken(code) }, select: { grantId: true } });
  const grant = await db.grant.findUniqueOrThrow({ where: { id: grantId } });
  if (input.issue === "code")
    return { grant: presentGrant(grant, person.username), code, redirect_uri: redirectUri, code_verifier: verifier };

  const now = await sandboxNow(db, tenantId);
  const { body } = await authorizationCodeGrant.handler({
    db,
    tenantId,
    grantType: "authorization_code",
    client: toAuthenticatedClient(client),
    parameters: { code, redirect_uri: redirectUri, code_verifier: verifier },
    settings: await readSettings(db, tenantId),
    now,
    correlationId: randomUUID(),
  });
  const issued = await db.grant.findUniqueOrThrow({ where: { id: grant.id } });
  return { grant: presentGrant(issued, person.username), tokens: body };
}

export function presentGrant(grant: GrantRow, username?: string) {
  const suspension = grant.suspension as { changes?: { code: string; kind: string; sentence: string }[] } | null;
  return {
    id: grant.id,
    clientId: grant.clientId,
    patientId: grant.patientId,
    personId: grant.personId,
    ...(username ? { username } : {}),
    scope: grant.scope,
    accessKind: grant.accessKind,
    status: grant.status,
    approvedAt: grant.approvedAt.toISOString(),
    lastUsedAt: grant.lastUsedAt.toISOString(),
    suspendedAt: grant.suspendedAt?.toISOString() ?? null,
    revokedAt: grant.revokedAt?.toISOString() ?? null,
    revokedReason: grant.revokedReason,
    // `sentence` for developers; `patientSentence` is what the error_uri page shows the patient.
    changes:
      grant.status === "suspended"
        ? (suspension?.changes ?? []).map((change) => ({ ...change, patientSentence: changeInPlainWords(change as TrustChange) }))
        : [],
  };
}

/** Grants as the control API answers them, each with the username of the person who approved it. */
export async function presentGrants(db: Db, grants: GrantRow[]) {
  const persons = await db.person.findMany({
    where: { id: { in: [...new Set(grants.map((grant) => grant.personId))] } },
    select: { id: true, username: true },
  });
  const usernames = new Map(persons.map((person) => [person.id, person.username]));
  return grants.map((grant) => presentGrant(grant, usernames.get(grant.personId)));
}

export async function grantOfTenant(db: Db, tenantId: string, grantId: string): Promise<GrantRow> {
  const grant = await db.grant.findUnique({ where: { id: grantId } });
  if (!grant || grant.tenantId !== tenantId) throw new HeadlessGrantRefused(`no grant "${grantId}" in this tenant`, 404);
  return grant;
}

export const GRANT_ACTIONS = ["suspend", "reapprove", "reinstate", "revoke"] as const;
export type HeadlessGrantAction = (typeof GRANT_ACTIONS)[number];

/** suspend / reinstate / revoke as the console does; reapprove as the patient does on the error_uri page. */
export async function actOnGrant(db: Db, tenantId: string, grantId: string, action: HeadlessGrantAction): Promise<GrantRow> {
  const grant = await grantOfTenant(db, tenantId, grantId);
  if (action === "reapprove") {
    const outcome = await reapproveGrant(db, grant.id, grant.personId);
    if (outcome !== "reapproved") throw new HeadlessGrantRefused(REVIEW_MESSAGES[outcome], 409);
  } else {
    try {
      await administerGrant(db, grant.id, action === "suspend" ? "force-suspend" : action);
    } catch (error) {
      if (error instanceof GrantActionRefused) throw new HeadlessGrantRefused(error.message, 409);
      throw error;
    }
  }
  return db.grant.findUniqueOrThrow({ where: { id: grant.id } });
}

/** Moves the grant's last use back by an ISO 8601 duration, instead of moving the tenant's clock. */
export async function ageGrant(db: Db, tenantId: string, grantId: string, by: string): Promise<GrantRow> {
  const duration = parseDuration(by);
  if (!duration || duration.sign < 0) throw new HeadlessGrantRefused(`by: "${by}" is not a positive ISO 8601 duration such as P91D`);
  const grant = await grantOfTenant(db, tenantId, grantId);
  const lastUsedAt = addDuration(grant.lastUsedAt, { ...duration, sign: -1 });
  if (!Number.isFinite(lastUsedAt.getTime())) throw new HeadlessGrantRefused(`by: "${by}" is out of range`);
  await db.$transaction(async (tx) => {
    await tx.grant.update({ where: { id: grant.id }, data: { lastUsedAt } });
    await grantEvent(tx, grant, "grant.aged", await sandboxNow(tx, tenantId), { by, lastUsedAt: lastUsedAt.toISOString() });
  });
  return db.grant.findUniqueOrThrow({ where: { id: grant.id } });
}
