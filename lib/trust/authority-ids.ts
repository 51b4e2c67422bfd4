// The sandbox's certificate authorities by id. Kept apart from certificate-authorities.ts so start-up can check
// they exist without loading the X.509 library.
export const AUTHORITY_IDS = ["public-root", "public-intermediate", "private-root"] as const;
export type AuthorityId = (typeof AUTHORITY_IDS)[number];
