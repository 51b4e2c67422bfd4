// Every sentence a patient reads on the authorization server's pages, in one place so they can be reviewed
// together: second person, plain words (no fingerprints, no protocol names), and an unverified app named by its
// domain rather than by the name it chose for itself.
import type { ReviewOutcome } from "../oauth/grant-review";
import { GRANT_END_REASONS, UNUSED_GRANT_LIMIT_DAYS, type GrantEndReason } from "../oauth/grant-end-reasons";
import { longDate } from "../trust/plain-words";
import { ownEntry } from "../util/own-entry";
import type { IdentityBlock, TrustChange } from "../trust/types";

type Named = Pick<IdentityBlock, "label" | "appName" | "domain">;

/** How an app is named mid-sentence: its verified name, or "an unverified app at acme-vitals.example". */
export function appName(identity: Named, registeredName: string): string {
  return identity.label === "verified" ? (identity.appName ?? registeredName) : `an unverified app at ${identity.domain}`;
}

/** The same at the start of a sentence or as a heading. */
export function AppName(identity: Named, registeredName: string): string {
  const name = appName(identity, registeredName);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** "your" or "Leo Rivera's" */
export function whose(patient: { relationship: string; givenName: string; familyName: string }): string {
  return patient.relationship === "self" ? "your" : `${patient.givenName} ${patient.familyName}'s`;
}

/** The same at the start of a sentence: "Your" or "Leo Rivera's" (as in "Your medications"). */
export function Whose(patient: { relationship: string; givenName: string; familyName: string }): string {
  return patient.relationship === "self" ? "Your" : whose(patient);
}

export const WORDS = {
  login: {
    title: (organization: string) => `Sign in to ${organization}`,
    lead: "Use your patient portal account.",
    appAsking: (app: string) => `${app} is asking to connect to a health record. Sign in to decide.`,
    missingUsername: "Enter your username",
    missingPassword: "Enter your password",
    tooLong: (what: string) => `That ${what} is too long`,
    invalid: (what: string) => `That ${what} is not valid`,
    mismatch: "That username and password do not match. Check them and try again.",
    locked: "Too many failed sign-in attempts for this username. Try again later.",
    noOrganization: "This sign-in page belongs to no organization.",
    crossSite: "This form was sent from another website, so it was not accepted. Open the sign-in page here and try again.",
    unreadable: "The form could not be read. Please try again.",
  },
  picker: {
    title: "Choose a health record",
    lead: (app: string) => `${app} wants to connect to a health record you manage.`,
    question: "Whose health record should the app see?",
    problem: "Choose one of the records below.",
  },
  consent: {
    title: (app: string, whoseRecord: string) => `Allow ${app} to access ${whoseRecord} health record?`,
    asking: "The app is asking to see",
    untick: "Untick anything you do not want to share.",
    alwaysIncluded: "always included",
    requiredNote: "The app needs this to work, so it cannot be removed.",
    howLong: "How long: ",
    duration: {
      offline: "Until you revoke it. The app can keep renewing its access while you are away.",
      online: "While you stay signed in to the patient portal.",
      none: "For a short time only (about 10 minutes). The app cannot renew it.",
    },
    expiredForm: "The form was out of date. Please review and answer again.",
    nothingShared: "You unticked everything the app asked to see. Tick at least one item to allow, or choose Deny.",
    calledItself: (name: string) => `Calls itself “${name}”`,
  },
  required: {
    identity: "Who you are (your portal account)",
    launch: "Which health record you chose",
  },
  identity: {
    unknownBadge: "Unknown App",
    verifiedBadge: "Verified",
    validatedBadge: "Validated",
    organization: "Organization",
    location: "Location",
    website: "Website",
    why: "Why?",
  },
  nothingToApprove: "Nothing to approve here",
  noRecord: { title: "No health record to share", body: "Your account does not give you access to any health record." },
  review: {
    pausedTitle: (app: string) => `Access for ${app} was paused`,
    paused: (app: string, whoseRecord: string, approvedOn: string) =>
      `${app}'s access to ${whoseRecord} health record was paused because the app's security details changed after you approved it on ${approvedOn}.`,
    endedTitle: (app: string) => `Access for ${app} has ended`,
    activeTitle: (app: string) => `Access for ${app} is active`,
    active: "You can close this tab and go back to the app.",
    whatChanged: "What changed",
    whenApproved: (on: string) => `When you approved (${on})`,
    now: "Now",
    caution: "Who is behind this app is no longer what you approved. Keep it paused unless you know why this changed.",
    afterReapprove: "After you re-approve, go back to the app and choose “Try again”. This page won't send you anywhere.",
    gone: { title: "This access no longer exists", body: "Go back to the app and connect it again." },
  },
  privateNotice: {
    pausedTitle: "An app\u2019s access to a health record was paused",
    endedTitle: "An app\u2019s access to a health record has ended",
    otherTitle: "An app\u2019s access to a health record",
    signedOut: "Sign in to review what happened and decide what to do.",
    signIn: "Sign in to review",
    otherPerson:
      "Your account does not manage this health record, so you cannot see or change this access. Sign out and sign in as the person who manages it.",
  },
  manager: {
    title: "Apps with access to your health records",
    yourRecord: "your record",
    asRelationship: (relationship: string) => `as ${relationship}`,
    none: "No apps have access to this record.",
    canSee: "Can see:",
    identityOnly: "who you are only",
    reviewLink: "Review and re-approve",
    revoke: "Revoke",
    confirmRevoke: (app: string, patient: string) => `Stop ${app} from seeing ${patient} health record? The app will have to ask again.`,
    confirm: "Yes, revoke access",
    cancel: "Cancel",
    kind: { offline: "until you revoke it", online: "while you are signed in", none: "short-lived" } as Record<string, string>,
  },
  signedInAs: "Signed in as",
  signOut: "Sign out",
} as const;

/** The outcome of Re-approve / Keep it paused / Revoke, shown in a role="status" banner (the QA kit copies them). */
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
} as const satisfies Record<ReviewOutcome, string>;

/** Why a grant ended, as a clause for the patient, by the reason the server recorded. */
const ENDED_CLAUSES: Record<GrantEndReason, string> = {
  [GRANT_END_REASONS.byPatient]: "you revoked it",
  [GRANT_END_REASONS.byApp]: "the app gave up its access (for example, you chose to stop using it)",
  [GRANT_END_REASONS.byConsole]: "the app's developer ended it",
  [GRANT_END_REASONS.codeReplayed]: "the app's one-time sign-in code was used twice, so it was ended to keep your record safe",
  [GRANT_END_REASONS.refreshTokenReused]: "the app's access key was used twice, so it was ended to keep your record safe",
  [GRANT_END_REASONS.signedOut]: "you signed out of the patient portal",
  [GRANT_END_REASONS.sessionEnded]: "your patient portal session ended",
  [GRANT_END_REASONS.unused]: `the app did not use it for more than ${UNUSED_GRANT_LIMIT_DAYS} days`,
};

/** The same for a grant its next use will end (after a clock jump): only expiry can be foreseen. */
const ENDING_CLAUSES: Partial<Record<GrantEndReason, string>> = {
  [GRANT_END_REASONS.sessionEnded]: "your patient portal session has ended",
  [GRANT_END_REASONS.unused]: `the app has not used it for more than ${UNUSED_GRANT_LIMIT_DAYS} days`,
};

/** "Revoked by you on 29 November 2026." or "Ended on 29 November 2026: the app did not use it for more than 90 days." */
export function endedSentence(reason: string | null, at: string | Date | null): string {
  const on = at ? ` on ${longDate(at)}` : "";
  if (reason === GRANT_END_REASONS.byPatient) return `Revoked by you${on}.`;
  return `Ended${on}: ${reason ? (ownEntry(ENDED_CLAUSES, reason) ?? reason) : "no reason was recorded"}.`;
}

/** The status line of a grant in the manager: past tense with the date for ended ones, or a warning that its next use ends it. */
export function statusLine(grant: {
  status: string;
  revokedAt: string | null;
  revokedReason: string | null;
  endsAtNextUse: string | null;
}): string | null {
  if (grant.status === "revoked") return endedSentence(grant.revokedReason, grant.revokedAt);
  if (grant.endsAtNextUse)
    return `Will end the next time the app uses it: ${ownEntry(ENDING_CLAUSES, grant.endsAtNextUse) ?? grant.endsAtNextUse}.`;
  return null;
}

/** A change since the patient approved, in plain words (the developer's precise sentence is in the console). */
const CHANGE_WORDS: Record<string, string> = {
  "certificate.expired": "The app's security certificate has expired.",
  "certificate.not-yet-valid": "The app's security certificate is not valid yet.",
  "certificate.valid": "The app's security certificate is valid again.",
  "certificate.trusted": "The app's security certificate is now vouched for by a trusted authority.",
  "certificate.self-signed": "The app now vouches for itself: no trusted authority vouches for its security certificate.",
  "certificate.untrusted-issuer": "The app's security certificate now comes from an authority that is not trusted.",
  "certificate.revoked": "The app's security certificate was withdrawn by the authority that issued it.",
  "certificate.unrevoked": "The app's security certificate is no longer withdrawn.",
  "certificate.hostname-mismatch": "The app's security certificate no longer matches the app's web address.",
  "certificate.hostname-matches": "The app's security certificate matches the app's web address again.",
  "certificate.type-changed": "The app's security certificate no longer says which organization runs the app.",
  "certificate.organization-changed": "The organization behind the app changed.",
  "certificate.location-changed": "The organization's location changed.",
  "certificate.replaced": "The app's security certificate was replaced.",
  "host.unreachable": "The app's server could not be reached.",
  "host.reachable": "The app's server can be reached again.",
  "tls.legacy-only": "The app's server now uses only outdated security.",
  "tls.modern-restored": "The app's server uses current security again.",
  "tls.versions-changed": "The security settings of the app's server changed.",
  "dns.domain-changed": "The app's website changed.",
  "dns.client-id-record-removed": "The app's website no longer confirms that this app belongs to it.",
  "dns.client-id-record-added": "The app's website now confirms that this app belongs to it.",
  "dns.txt-records-changed": "The app's website changed its published settings.",
  "identity.unverified": "You no longer see the app's name and organization: it is now an unverified app.",
  "identity.verified": "You now see the app's name and organization.",
};

export function changeInPlainWords(change: TrustChange): string {
  return CHANGE_WORDS[change.code] ?? change.sentence;
}

/** Findings ("why is it not verified?") for a patient: the same reasons, without fingerprints or protocol names. */
const FINDING_WORDS: Record<string, string> = {
  "host.not-assessable": "The app's address is not a website name, so there is no organization or website to check.",
  "host.unreachable": "The app's server could not be reached, so its security certificate could not be checked.",
  "tls.legacy-only": "The app's server uses only outdated security.",
  "certificate.missing": "The app's server has no security certificate.",
  "certificate.expired": "The app's security certificate has expired.",
  "certificate.not-yet-valid": "The app's security certificate is not valid yet.",
  "certificate.self-signed": "No trusted authority vouches for the app's security certificate.",
  "certificate.untrusted-issuer": "The app's security certificate comes from an authority that is not trusted.",
  "certificate.revoked": "The app's security certificate was withdrawn by the authority that issued it.",
  "certificate.hostname-mismatch": "The app's security certificate is for a different web address.",
  "certificate.domain-validated": "The app's security certificate does not say which organization runs the app.",
  "certificate.type-unknown": "The app's security certificate does not say which organization runs the app.",
  "dns.client-id-record-missing": "The app's website does not confirm that this app belongs to it.",
};

export function findingInPlainWords(finding: { code: string; message: string }): string {
  return FINDING_WORDS[finding.code] ?? finding.message;
}
