// Why a grant ended, as the server records it (`revokedReason`, also in the control API and the activity log).
// One list, so the code that ends grants and the sentences patients read about it cannot drift apart.

export const UNUSED_GRANT_LIMIT_DAYS = 90;

export const GRANT_END_REASONS = {
  byPatient: "revoked by the patient",
  byApp: "the app revoked its refresh token",
  byConsole: "revoked from the developer console",
  codeReplayed: "authorization code used twice",
  refreshTokenReused: "a rotated refresh token was presented again (reuse detection)",
  signedOut: "the patient signed out (online_access)",
  sessionEnded: "the patient's sign-in session ended (online_access)",
  unused: `unused for more than ${UNUSED_GRANT_LIMIT_DAYS} days`,
} as const;

export type GrantEndReason = (typeof GRANT_END_REASONS)[keyof typeof GRANT_END_REASONS];
