"use server";
// Re-approve / keep paused / revoke, from the error_uri page or the authorization manager. Each checks the
// signed-in person's access to the grant's patient; the result comes back as a code in the page's query.
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { keepGrantSuspended, reapproveGrant, revokeGrantAsPatient, type ReviewOutcome } from "@/lib/oauth/grant-review";
import { currentPatientSession, loginPath, safeNextPath } from "./patient-session";

type Review = (db: typeof import("@/lib/db/client").db, grantId: string, personId: string) => Promise<ReviewOutcome>;

async function review(run: Review, tenantId: string, grantId: string, returnTo: string): Promise<never> {
  const back = safeNextPath(tenantId, returnTo);
  const session = await currentPatientSession(tenantId);
  if (!session) redirect(loginPath(tenantId, back));
  const outcome = await run(db, grantId, session.person.id);
  redirect(`${back.split("?")[0]}?result=${outcome}`);
}

export async function reapproveAction(tenantId: string, grantId: string, returnTo: string): Promise<void> {
  await review(reapproveGrant, tenantId, grantId, returnTo);
}

export async function keepPausedAction(tenantId: string, grantId: string, returnTo: string): Promise<void> {
  await review(keepGrantSuspended, tenantId, grantId, returnTo);
}

export async function revokeAction(tenantId: string, grantId: string, returnTo: string): Promise<void> {
  await review(revokeGrantAsPatient, tenantId, grantId, returnTo);
}
