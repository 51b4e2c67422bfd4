// One grant for the person behind its error_uri or in the authorization manager: nothing but a generic notice
// unless they are signed in as someone who may act for the patient; then what happened, then vs now (changed
// fields highlighted), and the choices — with "Keep it paused" first after an alarming change.
import type { Db } from "../db/client";
import { grantStory } from "../oauth/grant-story";
import { REVIEW_MESSAGES } from "../wording/patient-wording";
import { formToken } from "../secrets/form-tokens";
import type { PatientSession } from "../patient-session/sessions";
import { longDate } from "../trust/plain-words";
import { ownEntry } from "../util/own-entry";
import { appName, AppName, changeInPlainWords, endedSentence, whose, WORDS } from "../wording/patient-wording";
import { changedFields, identityView, isAlarmingChange, type IdentityView } from "./identity-view";

export type GrantReviewView =
  | { kind: "gone" }
  | { kind: "private"; status: string; signedIn: boolean }
  | {
      kind: "review";
      grantId: string;
      status: string;
      title: string;
      lead: string;
      changes: string[];
      then: IdentityView;
      now: IdentityView;
      approvedOn: string;
      alarming: boolean;
      outcome: string | null;
      csrf: string;
    };

export const reviewFormPurpose = (grantId: string) => `review:${grantId}`;

export async function grantReviewView(db: Db, grantId: string, session: PatientSession | null, result?: string): Promise<GrantReviewView> {
  const story = await grantStory(db, grantId);
  if (!story) return { kind: "gone" };
  const access = session
    ? await db.patientAccess.findUnique({ where: { personId_patientId: { personId: session.person.id, patientId: story.patient.id } } })
    : null;
  if (!session || !access) return { kind: "private", status: story.grant.status, signedIn: !!session };

  const { grant } = story;
  const name = appName(story.then, story.clientName);
  const Name = AppName(story.then, story.clientName);
  const owner = whose({ relationship: access.relationship, ...story.patient });
  const approvedOn = longDate(grant.approvedAt);
  const titles = {
    suspended: WORDS.review.pausedTitle(name),
    revoked: WORDS.review.endedTitle(name),
    active: WORDS.review.activeTitle(name),
  } as Record<string, string>;
  const leads = {
    suspended: WORDS.review.paused(Name, owner, approvedOn),
    revoked: `${endedSentence(grant.revokedReason, grant.revokedAt)} To use the app again, connect it again from the app.`,
    active: WORDS.review.active,
  } as Record<string, string>;
  const now = identityView(story.now, story.clientName, grant.status === "suspended" && story.changes.length > 0 ? [] : story.nowFindings);
  return {
    kind: "review",
    grantId,
    status: grant.status,
    title: titles[grant.status] ?? Name,
    lead: leads[grant.status] ?? "",
    changes: story.changes.map(changeInPlainWords),
    then: identityView(story.then, story.clientName),
    now: { ...now, changed: changedFields(story.then, story.now) },
    approvedOn,
    alarming: grant.status === "suspended" && isAlarmingChange(story.then, story.now),
    outcome: ownEntry(REVIEW_MESSAGES, result) ?? null,
    csrf: await formToken(db, reviewFormPurpose(grantId), session.sessionId),
  };
}
