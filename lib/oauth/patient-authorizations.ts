// The patient's authorization manager: every grant for every patient the person may act for.
import type { Db } from "../db/client";
import { evaluateTrust } from "../trust/evaluate-trust";
import type { IdentityBlock } from "../trust/types";
import { accessiblePatients } from "../patient-session/sessions";
import { describeResourceScope, parseResourceScope, splitScope } from "./scopes";

export interface AuthorizationEntry {
  grantId: string;
  clientName: string;
  /** "MyHealth QA 1a2b": the app's name and the start of its client_id, unique enough to name buttons for tests and screen readers. */
  label: string;
  identity: IdentityBlock;
  status: string;
  access: string[];
  accessKind: string;
  since: Date;
  lastUsedAt: Date;
}

export async function patientAuthorizations(db: Db, personId: string) {
  const patients = await accessiblePatients(db, personId);
  const grants = await db.grant.findMany({ where: { patientId: { in: patients.map((p) => p.id) } }, orderBy: [{ status: "asc" }, { createdAt: "desc" }] });
  const clients = new Map((await db.client.findMany({ where: { id: { in: [...new Set(grants.map((g) => g.clientId))] } } })).map((c) => [c.id, c]));
  const identities = new Map<string, IdentityBlock>();
  for (const clientId of clients.keys()) identities.set(clientId, (await evaluateTrust(db, clientId, { mode: "inspect" })).verdict.identity);
  return patients.map((patient) => ({
    patient,
    entries: grants
      .filter((grant) => grant.patientId === patient.id)
      .map(
        (grant): AuthorizationEntry => ({
          grantId: grant.id,
          clientName: clients.get(grant.clientId)?.clientName ?? grant.clientId,
          label: `${clients.get(grant.clientId)?.clientName ?? "App"} ${grant.clientId.slice(0, 4)}`,
          identity: identities.get(grant.clientId) ?? { label: "unknown", appName: null, organization: null, location: null, domain: "unknown", validated: false },
          status: grant.status,
          access: [...new Set(splitScope(grant.scope).map(parseResourceScope).filter((r) => r !== null).map(describeResourceScope))],
          accessKind: grant.accessKind,
          since: grant.approvedAt,
          lastUsedAt: grant.lastUsedAt,
        }),
      ),
  }));
}
