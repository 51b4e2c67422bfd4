// What every grant handler of the token endpoint receives, and what it returns.
import type { Db } from "../../db/client";
import type { TenantSettings } from "../../settings/tenant-settings";
import type { AuthenticatedClient, ClientIdentifier } from "../client-authentication";
import type { Parameters } from "../form-parameters";

export interface TokenContext {
  db: Db;
  tenantId: string;
  grantType: string;
  client: AuthenticatedClient;
  parameters: Parameters;
  settings: TenantSettings;
  now: Date;
  correlationId: string;
}

export interface TokenResult {
  body: Record<string, unknown>;
  grantId: string;
}

export interface GrantTypeHandler {
  grantType: string;
  /** Parameters this grant reads besides client authentication. */
  parameters: readonly string[];
  /** How to find the client of a request that carries no client authentication, when the grant allows that. */
  identifyClient?: (db: Db, tenantId: string) => ClientIdentifier;
  /** Checks, then issues in one transaction (commit-issuance.ts) that also records the activity event. */
  handler(context: TokenContext): Promise<TokenResult>;
}
