// The Raw HTTP record of one exchange: what the sandbox received and answered, with every secret replaced by
// `[redacted]` BEFORE it is stored — tokens, codes, client secrets, passwords, session cookies — recognised by value
// (a token looks like a token wherever it sits; a value sent as a secret is hidden wherever it is echoed), so a
// change code such as "certificate.expired" under a key named "code" stays readable.
import { randomUUID } from "node:crypto";
import { isSecretValue, redact, REDACTED } from "./redact";

/** Bodies longer than this are cut (a FHIR search page can be large); the view says how much was left out. */
export const BODY_LIMIT = 64 * 1024;

type Headers = [string, string][];

export interface RequestSnapshot {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  startedAt: Date;
}

export interface ResponseSnapshot {
  status: number;
  headers: Headers;
  body: string;
}

/** A stored exchange, as the database row holds it. */
export interface HttpExchangeRow {
  id: string;
  tenantId: string;
  correlationId: string;
  startedAt: Date;
  durationMs: number;
  method: string;
  url: string;
  requestHeaders: string;
  requestBody: string;
  status: number;
  responseHeaders: string;
  responseBody: string;
}

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Reads what the route is about to handle, from a copy: the handler still gets the untouched request. */
export async function snapshotRequest(request: Request, startedAt = new Date()): Promise<RequestSnapshot> {
  const body =
    BODY_METHODS.has(request.method) && request.body
      ? await request
          .clone()
          .text()
          .catch(() => "")
      : "";
  return { method: request.method, url: request.url, headers: [...request.headers], body, startedAt };
}

export async function snapshotResponse(response: Response): Promise<ResponseSnapshot> {
  const body = response.body ? await response.clone().text() : "";
  return { status: response.status, headers: [...response.headers], body };
}

/** Parameter names whose values are secrets whatever they look like (sent by a client, they are never change codes). */
const SECRET_PARAMETERS = new Set([
  "code",
  "code_verifier",
  "refresh_token",
  "access_token",
  "id_token",
  "token",
  "client_secret",
  "client_assertion",
  "assertion",
  "password",
  "csrf",
  "registration_access_token",
]);
/** Short values are not collected for replacement everywhere: replacing "1" in every text would hide nothing and break it. */
const MIN_SECRET_LENGTH = 6;

/** The secret values a request or answer carries, so that each is also hidden wherever else it appears. */
function collectSecrets(request: RequestSnapshot, response: ResponseSnapshot): Set<string> {
  const secrets = new Set<string>();
  const add = (value: string | null | undefined) => {
    if (value && value.length >= MIN_SECRET_LENGTH) secrets.add(value);
  };
  const fromParameters = (parameters: URLSearchParams) => {
    for (const [name, value] of parameters) if (SECRET_PARAMETERS.has(name) || isSecretValue(value)) add(value);
  };
  const fromJson = (value: unknown, key?: string) => {
    if (typeof value === "string") {
      if (isSecretValue(value) || (key && /^(password|client_secret|registration_access_token)$/i.test(key))) add(value);
    } else if (value && typeof value === "object") for (const [name, child] of Object.entries(value)) fromJson(child, name);
  };
  for (const url of [request.url, ...locations(response.headers)]) fromParameters(parsedUrl(url)?.searchParams ?? new URLSearchParams());
  for (const [body, headers] of [
    [request.body, request.headers],
    [response.body, response.headers],
  ] as const) {
    if (isForm(headers)) fromParameters(new URLSearchParams(body));
    else fromJson(parseJson(body));
  }
  for (const [name, value] of request.headers) {
    if (name === "authorization") {
      const [scheme, credential = ""] = value.split(/\s+/, 2);
      add(credential);
      if (/^basic$/i.test(scheme)) {
        const decoded = Buffer.from(credential, "base64").toString("utf8");
        const secret = decoded.slice(decoded.indexOf(":") + 1);
        add(secret);
        add(formDecoded(secret));
      }
    }
  }
  return secrets;
}

const locations = (headers: Headers) => headers.filter(([name]) => name === "location").map(([, value]) => value);
const isForm = (headers: Headers) => headers.some(([name, value]) => name === "content-type" && /x-www-form-urlencoded/i.test(value));

function parsedUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** RFC 6749 §2.3.1 form-encodes the Basic credentials; a malformed escape is kept as sent. */
function formDecoded(value: string): string | null {
  try {
    return decodeURIComponent(value.replaceAll("+", " "));
  } catch {
    return null;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function hideAll(text: string, secrets: Set<string>): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}

function redactParameters(parameters: URLSearchParams, secrets: Set<string>): string {
  const out = new URLSearchParams();
  for (const [name, value] of parameters)
    out.append(name, SECRET_PARAMETERS.has(name) || secrets.has(value) ? REDACTED : (redact(value, name) as string));
  return out.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED);
}

function redactUrl(url: string, secrets: Set<string>): string {
  const parsed = parsedUrl(url);
  if (!parsed || !parsed.search) return hideAll(url, secrets);
  return hideAll(`${parsed.origin}${parsed.pathname}?${redactParameters(parsed.searchParams, secrets)}${parsed.hash}`, secrets);
}

/** Cookies are sessions: their values never leave the server; names and attributes stay. */
function redactCookies(value: string, separator: string): string {
  return value
    .split(separator)
    .map((part, index) => {
      const equals = part.indexOf("=");
      const isPair = separator === "; " ? equals > 0 : index === 0 && equals > 0;
      return isPair ? `${part.slice(0, equals + 1)}${REDACTED}` : part;
    })
    .join(separator);
}

function redactHeaders(headers: Headers, secrets: Set<string>): Headers {
  return headers.map(([name, value]) => {
    if (name === "authorization") return [name, `${value.split(/\s+/, 1)[0]} ${REDACTED}`];
    if (name === "cookie") return [name, redactCookies(value, "; ")];
    if (name === "set-cookie") return [name, redactCookies(value, ";")];
    if (name === "location" || name === "referer") return [name, redactUrl(value, secrets)];
    return [name, hideAll(redact(value) as string, secrets)];
  });
}

function redactBody(body: string, headers: Headers, secrets: Set<string>): string {
  if (!body) return "";
  let out: string;
  if (isForm(headers)) out = redactParameters(new URLSearchParams(body), secrets);
  else {
    const json = parseJson(body);
    out = json === undefined ? body : JSON.stringify(redact(json));
  }
  // PostgreSQL text cannot hold a NUL character: shown escaped, as JSON would.
  out = hideAll(out, secrets).replaceAll("\u0000", "\\u0000");
  return out.length > BODY_LIMIT ? `${out.slice(0, BODY_LIMIT)}\n[… ${out.length - BODY_LIMIT} more characters not kept]` : out;
}

/** The row to store for one exchange: everything secret already replaced. */
export function exchangeRow(
  tenantId: string,
  correlationId: string,
  request: RequestSnapshot,
  response: ResponseSnapshot,
  endedAt = new Date(),
): HttpExchangeRow {
  const secrets = collectSecrets(request, response);
  return {
    id: randomUUID(),
    tenantId,
    correlationId,
    startedAt: request.startedAt,
    durationMs: Math.max(0, endedAt.getTime() - request.startedAt.getTime()),
    method: request.method,
    url: redactUrl(request.url, secrets),
    requestHeaders: JSON.stringify(redactHeaders(request.headers, secrets)),
    requestBody: redactBody(request.body, request.headers, secrets),
    status: response.status,
    responseHeaders: JSON.stringify(redactHeaders(response.headers, secrets)),
    responseBody: redactBody(response.body, response.headers, secrets),
  };
}
