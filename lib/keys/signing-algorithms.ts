// The token signing algorithms, one key each: ES256 for access tokens, RS256 for id tokens. Kept apart from
// signing-keys.ts so start-up can check the keys exist without loading the JOSE library.
export const SIGNING_ALGORITHMS = ["ES256", "RS256"] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];
