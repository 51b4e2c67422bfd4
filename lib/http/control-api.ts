// Shared edge of the sandbox control API (`/api/sandbox/…`): JSON in and out, zod validation with messages
// that say what is wrong, domain errors mapped to statuses, and never a stack trace in a response.
import "server-only";
import { z } from "zod";
import { containsNul } from "../util/nul-characters";
import { ClockRangeError } from "../clock/sandbox-clock";
import { InvalidCertificateError } from "../trust/parsed-certificate";
import { ScenarioNotApplicableError } from "../trust/scenarios";
import { AppNotFoundError } from "../trust/simulated-host";
import { apiRequestAllowed } from "../console/admin-access";
import { publicUrl } from "../config/environment";
import { randomUUID } from "node:crypto";
import { log, logExchange } from "../log/logger";
import { DEFAULT_TENANT } from "../personas/personas";
import { snapshotRequest } from "../activity/http-exchange";
import { keepExchange } from "../activity/http-exchange-store";

export class ControlApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

const NO_STORE = { "Cache-Control": "no-store" };

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.join(".") : "body";
    if (issue.code === "unrecognized_keys") return `${where}: unknown field(s) ${issue.keys.map((key) => `"${key}"`).join(", ")}`;
    return `${where}: ${issue.message}`;
  });
}

/** Reads a JSON body and validates it; malformed JSON and schema violations become 400s. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new ControlApiError(415, "unsupported_media_type", "send the body as JSON with Content-Type: application/json");
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ControlApiError(400, "invalid_json", "the body is not valid JSON");
  }
  if (containsNul(body)) throw new ControlApiError(400, "invalid_request", "the body contains a NUL character");
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error);
    throw new ControlApiError(400, "invalid_request", problems.join("; "), { problems });
  }
  return parsed.data;
}

/** For actions that take no input: no body, or an empty JSON object; anything else is refused (nothing changes). */
export async function readNoBody(request: Request): Promise<void> {
  const text = await request.text();
  if (text.trim() === "") return;
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json"))
    throw new ControlApiError(415, "unsupported_media_type", "this action takes no body (or {} as JSON)");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ControlApiError(400, "invalid_json", "the body is not valid JSON");
  }
  if (!body || typeof body !== "object" || Array.isArray(body) || Object.keys(body).length > 0) {
    throw new ControlApiError(400, "invalid_request", "this action takes no fields; send no body or {}", {
      problems: ["body: unknown field(s)"],
    });
  }
}

function toResponse(error: unknown, correlationId: string): Response {
  if (error instanceof ControlApiError) return json({ error: error.code, message: error.message, ...error.details }, error.status);
  if (error instanceof AppNotFoundError) return json({ error: "not_found", message: error.message }, 404);
  if (error instanceof InvalidCertificateError) return json({ error: "invalid_certificate", message: error.message }, 400);
  if (error instanceof ClockRangeError) return json({ error: "invalid_request", message: error.message }, 400);
  if (error instanceof ScenarioNotApplicableError) return json({ error: "scenario_not_applicable", message: error.message }, 409);
  log.error({ correlationId, err: error }, "control API request failed");
  return json(
    { error: "server_error", message: `the sandbox failed to handle this request; see its log (correlation id ${correlationId})` },
    500,
  );
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Bodies an HTML form can send without JavaScript: a cross-site page could post them to an open sandbox. */
const FORM_CONTENT_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;

/**
 * Why a state-changing request must be refused as a possible cross-site write, or null. The console is open by
 * default, so any web page the developer visits could otherwise reset the sandbox with a form: refuse a foreign
 * Origin, `Sec-Fetch-Site: cross-site`, and form-encodable bodies (scripts send JSON or no body).
 */
export function crossSiteWriteProblem(request: Request, ownOrigin: string): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const origin = request.headers.get("origin");
  if (origin && origin !== ownOrigin) return `requests from ${origin} may not change this sandbox`;
  if (request.headers.get("sec-fetch-site") === "cross-site") return "cross-site requests may not change this sandbox";
  if (FORM_CONTENT_TYPES.test(request.headers.get("content-type") ?? ""))
    return "send JSON (Content-Type: application/json) or no body; form submissions cannot change this sandbox";
  return null;
}

/** Reads of the log itself (events, exports, HAR, the OpenAPI document) are not kept: they would only echo it. */
const UNKEPT_READS = /\/(events|events\/export|har|exchanges\/[^/]+|openapi\.json)$/;

/** The tenant whose Raw HTTP view keeps this control-API exchange: the one in the path, else the default tenant's. */
export function exchangeTenant(request: Request): string | null {
  const url = new URL(request.url);
  if (request.method === "GET" && UNKEPT_READS.test(url.pathname)) return null;
  const inPath = /^\/api\/sandbox\/tenants\/([^/]+)/.exec(url.pathname);
  if (inPath) {
    try {
      return decodeURIComponent(inPath[1]);
    } catch {
      return null;
    }
  }
  if (url.pathname === "/api/sandbox/tenants") return null;
  return url.searchParams.get("tenant") ?? DEFAULT_TENANT.id;
}

/** Wraps a route handler so every failure becomes a JSON error with the right status, and every answer carries a
 * correlation id (X-Correlation-Id) that its log line, any error log line and its kept Raw HTTP exchange carry too. */
export function controlApi<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const correlationId = randomUUID();
    const snapshot = await snapshotRequest(request);
    const response = await answer(request, context, correlationId);
    response.headers.set("X-Correlation-Id", correlationId);
    logExchange(request, response.status, correlationId);
    await keepExchange(exchangeTenant(request), snapshot, response);
    return response;
  };

  async function answer(request: Request, context: C, correlationId: string): Promise<Response> {
    const crossSite = crossSiteWriteProblem(request, publicUrl());
    if (crossSite) return json({ error: "forbidden", message: crossSite }, 403);
    if (!apiRequestAllowed(request)) {
      return Response.json(
        { error: "unauthorized", message: "this sandbox requires Authorization: Bearer <SANDBOX_ADMIN_PASSWORD>" },
        { status: 401, headers: { "Cache-Control": "no-store", "WWW-Authenticate": 'Bearer realm="sandbox-control-api"' } },
      );
    }
    try {
      return await handler(request, context);
    } catch (error) {
      return toResponse(error, correlationId);
    }
  }
}
