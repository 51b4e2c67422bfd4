// Responses of the OAuth endpoints: JSON with no-store/no-cache, CORS without credentials, the correlation id,
// and errors as {error, error_uri[, error_description]} — each error stored for its error_uri page and logged.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { readSettings } from "../settings/tenant-settings";
import { CORRELATION_HEADER, recordOAuthError } from "./error-uri";
import { OAuthError, ServerError, TooManyRequests } from "./errors";
import { log } from "../log/logger";

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type",
  "Access-Control-Expose-Headers": `${CORRELATION_HEADER}, Link, Retry-After, WWW-Authenticate`,
};

export const NO_STORE_HEADERS = { "Cache-Control": "no-store", Pragma: "no-cache" };

export function newCorrelationId(): string {
  return randomUUID();
}

export function oauthJson(body: unknown, correlationId: string, status = 200, extra: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE_HEADERS, ...CORS_HEADERS, [CORRELATION_HEADER]: correlationId, ...extra } });
}

export function preflight(): Response {
  return new Response(null, { status: 204, headers: { ...CORS_HEADERS, "Access-Control-Max-Age": "600" } });
}

export interface ErrorContext {
  endpoint: string;
  tenantId: string;
  clientId?: string | null;
  correlationId: string;
  /** Kept with the activity event (e.g. the token request's grant_type, for the sequence diagram). */
  eventPayload?: Record<string, unknown>;
}

async function errorDescriptionWanted(db: Db, tenantId: string): Promise<boolean> {
  try {
    return (await readSettings(db, tenantId)).errorDescription;
  } catch {
    return false;
  }
}

/**
 * Turns any failure into the RFC error body; unexpected ones become server_error and are logged with the
 * correlation id. Nothing here can throw: a failure to store the error still answers well-formed JSON.
 */
export async function oauthErrorResponse(db: Db, failure: unknown, context: ErrorContext): Promise<Response> {
  const error = failure instanceof OAuthError ? failure : new ServerError("the server failed to handle the request");
  if (!(failure instanceof OAuthError)) log.error({ correlationId: context.correlationId, err: failure }, `${context.endpoint} failed`);
  const uri = await recordOAuthError(db, {
    id: context.correlationId,
    endpoint: context.endpoint,
    error,
    tenantId: context.tenantId,
    clientId: context.clientId,
    eventPayload: context.eventPayload,
  });
  const body = {
    error: error.error,
    error_uri: uri,
    ...((await errorDescriptionWanted(db, context.tenantId)) ? { error_description: error.description } : {}),
  };
  // The error_uri again as a `help` link (RFC 8288): clients that throw the body away (fhirclient) keep headers.
  const extra: Record<string, string> = { Link: `<${uri}>; rel="help"` };
  if (error.status === 401) extra["WWW-Authenticate"] = 'Basic realm="token"';
  if (error instanceof TooManyRequests) extra["Retry-After"] = String(error.retryAfterSeconds);
  return oauthJson(body, context.correlationId, error.status, extra);
}
