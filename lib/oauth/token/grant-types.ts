// The grant types the token endpoint accepts, looked up by grant_type.
import { authorizationCodeGrant } from "./authorization-code-grant";
import { refreshTokenGrant } from "./refresh-token-grant";
import type { GrantTypeHandler } from "./token-context";

export const GRANT_TYPES: Record<string, GrantTypeHandler> = {
  [authorizationCodeGrant.grantType]: authorizationCodeGrant,
  [refreshTokenGrant.grantType]: refreshTokenGrant,
};

export const CLIENT_AUTHENTICATION_PARAMETERS = ["client_id", "client_secret"] as const;
