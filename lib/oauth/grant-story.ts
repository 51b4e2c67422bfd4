// Everything the patient pages say about one grant: the app, whose record, when approved, the identity
// block then (from the snapshot) and now (fresh), and — when suspended — the changes that caused it.
import type { Db } from "../db/client";
import { evaluateTrust } from "../trust/evaluate-trust";
import type { Finding, IdentityBlock, TrustChange, TrustSnapshot } from "../trust/types";

export interface GrantStory {
  grant: {
    id: string;
    status: string;
    scope: string;
    accessKind: string;
    approvedAt: Date;
    lastUsedAt: Date;
    createdAt: Date;
    suspendedAt: Date | null;
    revokedAt: Date | null;
    revokedReason: string | null;
  };
  clientName: string;
  patient: { id: string; name: string; givenName: string; familyName: string };
  then: IdentityBlock;
  now: IdentityBlock;
  nowFindings: Finding[];
  changes: TrustChange[];
}

export async function grantStory(db: Db, grantId: string): Promise<GrantStory | null> {
  const grant = await db.grant.findUnique({ where: { id: grantId } });
  if (!grant) return null;
  const [client, patient] = await Promise.all([
    db.client.findUnique({ where: { id: grant.clientId } }),
    db.patient.findUnique({ where: { id: grant.patientId } }),
  ]);
  const clientName = client?.clientName ?? grant.clientId;
  const snapshot = grant.snapshot as unknown as TrustSnapshot;
  const then: IdentityBlock = {
    ...snapshot.identity,
    appName: snapshot.identity.label === "verified" ? clientName : null,
    validated: client?.validated ?? false,
  };
  const current = client ? await evaluateTrust(db, client.id, { mode: "inspect" }) : null;
  const suspension = grant.suspension as { changes?: TrustChange[] } | null;
  return {
    grant,
    clientName,
    patient: patient
      ? { id: patient.id, name: `${patient.givenName} ${patient.familyName}`, givenName: patient.givenName, familyName: patient.familyName }
      : { id: grant.patientId, name: grant.patientId, givenName: "", familyName: grant.patientId },
    then,
    now: current?.verdict.identity ?? { ...then, label: "unknown", appName: null, organization: null, location: null },
    nowFindings: current?.findings ?? [],
    changes: grant.status === "suspended" ? (suspension?.changes ?? []) : [],
  };
}
