// error_uri values: `{origin}/errors/{urn}/instances/{id}?client=…&tenant=…`, where {id} is the correlation id
// also sent in the X-Correlation-Id header. Each is stored so its page can explain what happened to people.
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { publicUrl } from "../config/environment";

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

export function recordErrorInstance(
  db: Db,
  instance: { id: string; urn: string; tenantId: string | null; clientId?: string | null; grantId?: string | null; detail: Record<string, unknown> },
) {
  return db.errorInstance.create({ data: { ...instance, detail: instance.detail as Prisma.InputJsonValue } });
}
