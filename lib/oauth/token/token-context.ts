// What every grant handler of the token endpoint receives, and what it returns.
import type { Db } from "../../db/client";
import type { TenantSettings } from "../../settings/tenant-settings";
import type { AuthenticatedClient } from "../client-authentication";
import type { Parameters } from "../form-parameters";

export interface TokenContext {
  db: Db;
  tenantId: string;
  client: AuthenticatedClient;
  parameters: Parameters;
  settings: TenantSettings;
  now: Date;
  correlationId: string;
}

export interface TokenResult {
  body: Record<string, unknown>;
  grantId: string;
  event: string;
}

export interface GrantTypeHandler {
  grantType: string;
  /** Parameters this grant reads besides client authentication. */
  parameters: readonly string[];
  handler(context: TokenContext): Promise<TokenResult>;
}
