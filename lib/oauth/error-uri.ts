// error_uri values: `{origin}/errors/{urn}/instances/{id}?client=…&tenant=…`, where {id} is the correlation id
// also sent in the X-Correlation-Id header. Each is stored so its page can explain what happened to people.
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { publicUrl } from "../config/environment";
import { eventCreate } from "../activity/record-event";
import { sandboxNow } from "../clock/sandbox-clock";
import type { OAuthError } from "./errors";
import { log } from "../log/logger";

export const CORRELATION_HEADER = "X-Correlation-Id";
const URN_PREFIX = "urn:smart-trust-sandbox:error:oauth2";

export const GRANT_SUSPENDED_URN = `${URN_PREFIX}:grant:suspended`;
export const GRANT_REVOKED_URN = `${URN_PREFIX}:grant:revoked`;

export function errorUrn(endpoint: string, error: string): string {
  return `${URN_PREFIX}:${endpoint}:${error.replace(/_/g, "-")}`;
}

export function errorUri(options: { urn: string; id: string; clientId?: string | null; tenantId: string; origin?: string }): string {
  const query = new URLSearchParams();
  if (options.clientId) query.set("client", options.clientId);
  query.set("tenant", options.tenantId);
  return `${options.origin ?? publicUrl()}/errors/${encodeURIComponent(options.urn)}/instances/${options.id}?${query}`;
}

export interface OAuthErrorRecord {
  /** The correlation id: the error_uri's instance id. */
  id: string;
  endpoint: string;
  error: OAuthError;
  tenantId: string | null;
  clientId?: string | null;
  /** Activity event type; `<endpoint>.failed` by default. */
  eventType?: string;
  eventPayload?: Record<string, unknown>;
}

/**
 * Stores an error for its error_uri page, logs it as an activity event, and returns its error_uri. It never
 * throws: the error answer must go out even when the database cannot take the record, so a storage failure is
 * logged with the correlation id and the error_uri is still returned (its page then says it knows no details).
 */
export async function recordOAuthError(db: Db, record: OAuthErrorRecord): Promise<string> {
  const { error } = record;
  const urn = error.urn ?? errorUrn(record.endpoint, error.error);
  const uri = errorUri({ urn, id: record.id, clientId: record.clientId, tenantId: record.tenantId ?? "unknown" });
  const detail = {
    endpoint: record.endpoint,
    error: error.error,
    description: error.description,
    reason: error.detail ?? null,
    status: error.status,
  };
  try {
    const sandboxAt = record.tenantId ? await sandboxNow(db, record.tenantId) : new Date();
    await db.$transaction([
      db.errorInstance.create({
        data: {
          id: record.id,
          urn,
          tenantId: record.tenantId,
          clientId: record.clientId,
          grantId: error.grantId,
          detail: detail as Prisma.InputJsonValue,
        },
      }),
      eventCreate(db, {
        type: record.eventType ?? `${record.endpoint}.failed`,
        tenantId: record.tenantId,
        clientId: record.clientId,
        grantId: error.grantId,
        correlationId: record.id,
        sandboxAt,
        payload: { ...detail, errorUri: uri, ...record.eventPayload },
      }),
    ]);
  } catch (failure) {
    log.error({ correlationId: record.id, err: failure }, `could not record the ${record.endpoint} error ${error.error}`);
  }
  return uri;
}
