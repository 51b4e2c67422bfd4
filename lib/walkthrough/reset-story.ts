// "Reset story": the demo app's world back to its baseline, the tenant's clock back to now, and the story's grants
// gone (with their tokens and codes), in one step; the story then starts afresh from this moment.
import type { Db } from "../db/client";
import { recordEvent } from "../activity/record-event";
import { resetClock } from "../clock/sandbox-clock";
import { DEFAULT_TENANT, DEMO_APP } from "../personas/personas";
import { applyScenario } from "../trust/change-world";
import { ScenarioNotApplicableError } from "../trust/scenarios";

export async function resetStory(db: Db, tenantId: string = DEFAULT_TENANT.id): Promise<{ grantsRemoved: number }> {
  const clientId = DEMO_APP.clientId;
  await resetClock(db, tenantId);
  try {
    await applyScenario(db, clientId, "restore-baseline");
  } catch (error) {
    if (!(error instanceof ScenarioNotApplicableError)) throw error;
  }
  const grants = (await db.grant.findMany({ where: { tenantId, clientId }, select: { id: true } })).map((grant) => grant.id);
  await db.$transaction([
    db.accessToken.deleteMany({ where: { grantId: { in: grants } } }),
    db.retiredRefreshToken.deleteMany({ where: { grantId: { in: grants } } }),
    db.authorizationCode.deleteMany({ where: { clientId } }),
    db.grant.deleteMany({ where: { id: { in: grants } } }),
    db.queuedFault.deleteMany({ where: { clientId } }),
    db.trustCheck.deleteMany({ where: { clientId } }),
  ]);
  await recordEvent(db, { type: "story.reset", tenantId, clientId, sandboxAt: new Date(), payload: { grantsRemoved: grants.length } });
  return { grantsRemoved: grants.length };
}
