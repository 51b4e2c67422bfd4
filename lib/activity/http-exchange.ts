// The Raw HTTP record of one exchange: what the sandbox received and answered, with every secret replaced by
// `[redacted]` BEFORE it is stored — tokens, codes, client secrets, passwords, session cookies — recognised by value
// (a token looks like a token wherever it sits; a value sent as a secret is hidden wherever it is echoed), so a
// change code such as "certificate.expired" under a key named "code" stays readable.
import { randomUUID } from "node:crypto";
import { hideTokenLike, isSecretValue, redact, REDACTED } from "./redact";

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

/** Parameter names whose values are secrets whatever they look like, in a form body, a JSON body or a redirect. */
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
/**
 * In a request's own query string `code` is a FHIR search parameter (a LOINC code), and in JSON a change code
 * ("certificate.expired"), not an authorization code: there a code is recognised by its shape.
 */
const SECRET_QUERY_PARAMETERS = new Set([...SECRET_PARAMETERS].filter((name) => name !== "code"));
const SECRET_JSON_KEYS = SECRET_QUERY_PARAMETERS;
/**
 * Values hidden wherever else they appear must be long enough to be specific: replacing a short value everywhere
 * ("50%", "8867-4", "localhost") would hide nothing secret and break what is shown.
 */
const MIN_ECHO_LENGTH = 8;
/** Headers that name this server or the caller's origin: never secret, and their text must stay a valid host. */
const ADDRESS_HEADERS = new Set(["host", "x-forwarded-host", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-port", "origin"]);

type Secrets = Set<string>;
type Parameters = [string, string][];

/** A body's parameters when it is (or looks like) a form: urlencoded, a form sent as text, or multipart. */
function formParameters(body: string, headers: Headers): Parameters | null {
  const type = headers.find(([name]) => name === "content-type")?.[1] ?? "";
  if (/x-www-form-urlencoded/i.test(type) || (!/json/i.test(type) && /^[^\s=&{["]+=[^\s]*$/.test(body)))
    return [...new URLSearchParams(body)];
  if (/multipart\/form-data/i.test(type))
    return [...body.matchAll(/name="([^"]*)"[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n([^\r\n]*)/g)].map((part) => [part[1], part[2]]);
  return null;
}

/** A JSON string under a key that only ever holds a secret (not `code`: in JSON that is a change code). */
const SECRET_JSON_VALUE = new RegExp(`("(?:${[...SECRET_JSON_KEYS].join("|")})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, "gi");

/** `"name": "value"` pairs of a JSON text, also when it does not parse (a client's malformed JSON still holds its secret). */
function jsonPairs(body: string): Parameters {
  return [...body.matchAll(/"([^"\\]{1,64})"\s*:\s*"((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]);
}

/** The secret values a request or answer carries, so that each is also hidden wherever else it is echoed. */
function collectSecrets(request: RequestSnapshot, response: ResponseSnapshot): Secrets {
  const secrets: Secrets = new Set();
  const add = (value: string | null | undefined) => {
    if (value && value.length >= MIN_ECHO_LENGTH) secrets.add(value);
  };
  const fromParameters = (parameters: Parameters, names: Set<string>) => {
    for (const [name, value] of parameters) if (names.has(name.toLowerCase()) || isSecretValue(value)) add(value);
  };
  fromParameters([...(parsedUrl(request.url)?.searchParams ?? [])], SECRET_QUERY_PARAMETERS);
  for (const location of locations(response.headers)) fromParameters([...(parsedUrl(location)?.searchParams ?? [])], SECRET_PARAMETERS);
  // What the client sent is searched by name; what the sandbox answers is caught by shape and by key (redactBody).
  const form = formParameters(request.body, request.headers);
  fromParameters(form ?? jsonPairs(request.body), form ? SECRET_PARAMETERS : SECRET_JSON_KEYS);
  for (const [name, value] of request.headers) {
    if (name !== "authorization") continue;
    const [scheme, credential = ""] = value.trim().split(/\s+/, 2);
    add(credential);
    if (/^basic$/i.test(scheme)) {
      const decoded = Buffer.from(credential, "base64").toString("utf8");
      const secret = decoded.slice(decoded.indexOf(":") + 1);
      add(secret);
      add(formDecoded(secret));
    }
  }
  return secrets;
}

const locations = (headers: Headers) => headers.filter(([name]) => name === "location").map(([, value]) => value);

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

/** Every echo of a collected secret, and anything else that looks like a token, becomes [redacted]. */
function hideAll(text: string, secrets: Secrets): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return hideTokenLike(out);
}

function redactParameters(parameters: Parameters, names: Set<string>, secrets: Secrets): string {
  const out = new URLSearchParams();
  for (const [name, value] of parameters)
    out.append(hideAll(name, secrets), names.has(name.toLowerCase()) || secrets.has(value) ? REDACTED : (redact(value, name) as string));
  return hideAll(out.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED), secrets);
}

/** The origin stays as it is (it names this server); path, query and fragment lose every secret. */
function redactUrl(url: string, secrets: Secrets, queryNames: Set<string>): string {
  const parsed = parsedUrl(url);
  if (!parsed) return hideAll(url, secrets);
  const query = parsed.search ? `?${redactParameters([...parsed.searchParams], queryNames, secrets)}` : "";
  return `${parsed.origin}${hideAll(parsed.pathname, secrets)}${query}${hideAll(parsed.hash, secrets)}`;
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

function redactHeaders(headers: Headers, secrets: Secrets): Headers {
  return headers.map(([name, value]) => {
    if (ADDRESS_HEADERS.has(name)) return [name, value];
    if (name === "authorization") return [name, `${value.trim().split(/\s+/, 1)[0]} ${REDACTED}`];
    if (name === "cookie") return [name, redactCookies(value, "; ")];
    if (name === "set-cookie") return [name, redactCookies(value, ";")];
    if (name === "location" || name === "referer") return [name, redactUrl(value, secrets, SECRET_PARAMETERS)];
    return [name, hideAll(redact(value) as string, secrets)];
  });
}

function redactBody(body: string, headers: Headers, secrets: Secrets): string {
  if (!body) return "";
  const form = formParameters(body, headers);
  // JSON (valid or not) and any other text stay as sent, with secret-keyed strings, echoes and token shapes replaced.
  let out =
    form && !/multipart\/form-data/i.test(headers.find(([name]) => name === "content-type")?.[1] ?? "")
      ? redactParameters(form, SECRET_PARAMETERS, secrets)
      : hideAll(body.replace(SECRET_JSON_VALUE, `$1"${REDACTED}"`), secrets);
  // PostgreSQL text cannot hold a NUL character: shown escaped, as JSON would.
  out = out.replaceAll("\u0000", "\\u0000");
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
    url: redactUrl(request.url, secrets, SECRET_QUERY_PARAMETERS),
    requestHeaders: JSON.stringify(redactHeaders(request.headers, secrets)),
    requestBody: redactBody(request.body, request.headers, secrets),
    status: response.status,
    responseHeaders: JSON.stringify(redactHeaders(response.headers, secrets)),
    responseBody: redactBody(response.body, response.headers, secrets),
  };
}
