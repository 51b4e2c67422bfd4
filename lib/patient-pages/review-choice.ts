// A patient's choice on a grant (Re-approve / Keep it paused / Revoke) posted from the error_uri page or the
// authorization manager: checked against the form's CSRF token, then applied by lib/oauth/grant-review.
import type { Db } from "../db/client";
import { keepGrantSuspended, reapproveGrant, revokeGrantAsPatient, type ReviewOutcome } from "../oauth/grant-review";
import { verifyFormToken } from "../secrets/form-tokens";
import type { PatientSession } from "../patient-session/sessions";
import { ownEntry } from "../util/own-entry";
import { reviewFormPurpose } from "./grant-review-view";

const CHOICES = { reapprove: reapproveGrant, "keep-paused": keepGrantSuspended, revoke: revokeGrantAsPatient } as const;

/** The outcome to show, or "expired-form" when the form's token does not belong to this session and grant. */
export async function applyReviewChoice(
  db: Db,
  grantId: string,
  session: PatientSession,
  form: URLSearchParams,
): Promise<ReviewOutcome | "expired-form"> {
  const choice = ownEntry(CHOICES, form.get("action"));
  if (!choice || !(await verifyFormToken(db, reviewFormPurpose(grantId), session.sessionId, form.get("csrf") ?? ""))) return "expired-form";
  return choice(db, grantId, session.person.id);
}
