// The patient's authorization manager: every grant for every patient the person may act for, as the patient
// should read it — the app named by what they were shown, what it can see, and ended grants in the past tense.
import type { Db } from "../db/client";
import { sandboxNow } from "../clock/sandbox-clock";
import { evaluateTrust } from "../trust/evaluate-trust";
import { longDate } from "../trust/plain-words";
import type { IdentityBlock } from "../trust/types";
import { accessiblePatients } from "../patient-session/sessions";
import { AppName, statusLine, Whose } from "../wording/patient-wording";
import { describeResourceScope, parseResourceScope, splitScope } from "../oauth/scopes";
import { expiryReasons } from "../oauth/token/refresh-token-grant";

export interface AuthorizationEntry {
  grantId: string;
  /** The app as the patient sees it: its verified name, or "An unverified app at …". */
  displayName: string;
  /** "MyHealth QA 1a2b": the app's registered name and the start of its client_id, unique enough to name buttons for tests and screen readers. */
  label: string;
  identity: IdentityBlock;
  registeredName: string;
  status: string;
  /** Past tense for ended grants ("Revoked by you on 29 November 2026."), or a warning that the next use ends it. */
  statusLine: string | null;
  access: string[];
  accessKind: string;
  since: string;
  lastUsedAt: string;
}

export async function patientAuthorizations(db: Db, personId: string, tenantId: string) {
  const patients = await accessiblePatients(db, personId);
  const grants = await db.grant.findMany({
    where: { patientId: { in: patients.map((p) => p.id) } },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
  });
  const clients = new Map(
    (
      await db.client.findMany({
        where: { id: { in: [...new Set(grants.map((g) => g.clientId))] } },
        select: { id: true, clientName: true },
      })
    ).map((c) => [c.id, c]),
  );
  const identities = new Map<string, IdentityBlock>();
  for (const clientId of clients.keys())
    identities.set(clientId, (await evaluateTrust(db, clientId, { mode: "inspect" })).verdict.identity);
  const now = await sandboxNow(db, tenantId);
  const endings = await expiryReasons(db, grants, () => now);
  const entryOf = (grant: (typeof grants)[number], patient: (typeof patients)[number]): AuthorizationEntry => {
    const registeredName = clients.get(grant.clientId)?.clientName ?? grant.clientId;
    const identity = identities.get(grant.clientId) ?? {
      label: "unknown",
      appName: null,
      organization: null,
      location: null,
      domain: "unknown",
      validated: false,
    };
    return {
      grantId: grant.id,
      displayName: AppName(identity, registeredName),
      label: `${registeredName} ${grant.clientId.slice(0, 4)}`,
      identity,
      registeredName,
      status: grant.status,
      statusLine: statusLine({
        status: grant.status,
        revokedAt: grant.revokedAt?.toISOString() ?? null,
        revokedReason: grant.revokedReason,
        endsAtNextUse: endings.get(grant.id) ?? null,
      }),
      access: [
        ...new Set(
          splitScope(grant.scope)
            .map(parseResourceScope)
            .filter((r) => r !== null)
            .map((resource) => describeResourceScope(resource, Whose(patient))),
        ),
      ],
      accessKind: grant.accessKind,
      since: longDate(grant.approvedAt),
      lastUsedAt: longDate(grant.lastUsedAt),
    };
  };
  return patients.map((patient) => ({
    patient: { id: patient.id, name: `${patient.givenName} ${patient.familyName}`, relationship: patient.relationship },
    entries: grants.filter((grant) => grant.patientId === patient.id).map((grant) => entryOf(grant, patient)),
  }));
}
