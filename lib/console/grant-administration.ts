// Console actions on grants for QA: force-suspend an active grant, reinstate a suspended one (fresh snapshot).
import "server-only";
import { GRANT_END_REASONS } from "../oauth/grant-end-reasons";
import type { Db } from "../db/client";
import { sandboxNow } from "../clock/sandbox-clock";
import { evaluateTrust } from "../trust/evaluate-trust";
import type { TrustSnapshot } from "../trust/types";
import { reactivateGrant, revokeGrant, suspendGrant } from "../oauth/grants";

export type GrantAction = "revoke" | "force-suspend" | "reinstate";

export class GrantActionRefused extends Error {}

export async function administerGrant(db: Db, grantId: string, action: GrantAction): Promise<void> {
  const grant = await db.grant.findUnique({ where: { id: grantId } });
  if (!grant) throw new GrantActionRefused("This grant no longer exists (the sandbox may have been reset). Reload the page.");
  const now = await sandboxNow(db, grant.tenantId);
  if (action === "revoke") {
    if (!(await revokeGrant(db, grant, GRANT_END_REASONS.byConsole, now))) throw new GrantActionRefused("This grant was already revoked.");
    return;
  }
  if (action === "force-suspend") {
    if (grant.status !== "active") throw new GrantActionRefused(`Only an active grant can be suspended; this one is ${grant.status}.`);
    const changes = [
      { code: "console.forced", kind: "fact" as const, sentence: "Access was paused from the sandbox's developer console for testing." },
    ];
    await suspendGrant(
      db,
      grant,
      { changes, correlationId: `console-${grant.id}`, snapshotAfter: grant.snapshot as unknown as TrustSnapshot },
      now,
    );
    return;
  }
  if (grant.status !== "suspended") throw new GrantActionRefused(`Only a suspended grant can be reinstated; this one is ${grant.status}.`);
  const trust = await evaluateTrust(db, grant.clientId, { at: now });
  const reactivated = await reactivateGrant(db, grant, trust, now, {
    type: "grant.reinstated",
    payload: { by: "console", snapshotHash: trust.snapshotHash },
  });
  if (!reactivated) throw new GrantActionRefused("This grant changed meanwhile; reload the page.");
}
