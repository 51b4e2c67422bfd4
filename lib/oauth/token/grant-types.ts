// The grant types the token endpoint accepts, looked up by grant_type (a Map: request input never reaches a prototype).
import { authorizationCodeGrant } from "./authorization-code-grant";
import { refreshTokenGrant } from "./refresh-token-grant";
import type { GrantTypeHandler } from "./token-context";

export const GRANT_TYPES: ReadonlyMap<string, GrantTypeHandler> = new Map(
  [authorizationCodeGrant, refreshTokenGrant].map((grant) => [grant.grantType, grant]),
);

export const CLIENT_AUTHENTICATION_PARAMETERS = ["client_id", "client_secret"] as const;
