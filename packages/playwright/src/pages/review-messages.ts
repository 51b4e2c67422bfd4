// The outcome messages of Re-approve / Keep it paused / Revoke (lib/oauth/grant-review.ts REVIEW_MESSAGES),
// shown in a role="status" paragraph on the error_uri page and in the authorization manager.
export const REVIEW_MESSAGES = {
  reapproved: "Access is active again. You can close this tab and go back to the app.",
  "kept-paused": "Access stays paused. The app cannot use this health record until you re-approve it.",
  revoked: "Access revoked. The app can no longer see this health record.",
  "no-access": "You cannot change this app's access: your account does not manage this health record.",
  "was-revoked": "This access was revoked and cannot be re-approved. Connect the app again from the app itself.",
  "already-active": "This access is already active; nothing changed.",
  "already-revoked": "This access was already revoked.",
  "not-suspended": "This access is not paused; nothing changed.",
  "expired-form": "The form was out of date, so nothing changed. Please choose again.",
  expired:
    "This access ended because the app did not use it for more than 90 days, so it cannot be re-approved. Connect the app again from the app itself.",
} as const;
export type ReviewOutcome = keyof typeof REVIEW_MESSAGES;

/** The grant status badges of the authorization manager (components/patient/status-badge.tsx). */
export const STATUS_LABELS = {
  active: "Active",
  suspended: "Paused (suspended)",
  revoked: "Revoked",
  endsAtNextUse: "Ends at next use",
} as const;
