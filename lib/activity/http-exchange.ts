// The Raw HTTP record of one exchange: what the sandbox received and answered, with every secret replaced by
// `[redacted]` BEFORE it is stored — tokens, codes, client secrets, passwords, session cookies — recognised by value
// (a token looks like a token wherever it sits; a value sent as a secret is hidden wherever it is echoed), so a
// change code such as "certificate.expired" under a key named "code" stays readable.
import { randomUUID } from "node:crypto";
import { hideTokenLike, isSecretValue, redact, REDACTED, SECRET_NAMES } from "./redact";

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

/** In a form body (a token request) or a redirect back to the app, `code` is an authorization code too. */
const SECRET_FORM_NAMES: ReadonlySet<string> = new Set([...SECRET_NAMES, "code"]);
/**
 * Values hidden wherever else they appear must be long enough to be specific: replacing a short value everywhere
 * ("50%", "8867-4", "localhost") would hide nothing secret and break what is shown.
 */
const MIN_ECHO_LENGTH = 8;
/** Headers that name this server or the caller's origin: never secret, and their text must stay a valid host. */
const ADDRESS_HEADERS = new Set(["host", "x-forwarded-host", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-port", "origin"]);

type Secrets = Set<string>;
type Parameters = [string, string][];

/** At most this many distinct secret values are searched for everywhere: more is an attack on the redaction itself. */
const MAX_SECRETS = 64;
/** A body is redacted up to this length (cut at a delimiter, so no token is split); what is stored is cut shorter. */
const PROCESS_LIMIT = 2 * BODY_LIMIT;
/** The credential schemes kept in view in an Authorization header; anything else is hidden whole. */
const AUTH_SCHEMES = /^(bearer|basic|dpop|digest|negotiate|mac|hoba|mutual|vapid|scram-sha-1|scram-sha-256|aws4-hmac-sha256)$/i;

const contentType = (headers: Headers) => headers.find(([name]) => name === "content-type")?.[1] ?? "";
const isMultipart = (headers: Headers) => /multipart\/form-data/i.test(contentType(headers));
const looksLikeJson = (body: string) => /^\s*[{["]/.test(body);

/** A body's parameters when it is (or looks like) a form, whatever its Content-Type says; multipart parts by name. */
function formParameters(body: string, headers: Headers): Parameters | null {
  if (isMultipart(headers)) return [...body.matchAll(MULTIPART_PART)].map((part) => [part[2], part[3]]);
  if (looksLikeJson(body) || !body.includes("=")) return null;
  return [...new URLSearchParams(body.trim())];
}

/** A multipart part: its name (quoted or not, any case) and the first line of its value. */
const MULTIPART_PART = /name=("?)([^";\r\n]*)\1[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n([^\r\n]*)/gi;

/** A JSON (or JSON-like) string under a key that only ever holds a secret (not `code`: in JSON that is a change code). */
const SECRET_JSON_VALUE = new RegExp(`(["'](?:${[...SECRET_NAMES].join("|")})["']\\s*:\\s*)(?:"(?:[^"\\\\]|\\\\.)*"|'[^']*')`, "gi");

/** `"name": "value"` pairs of a JSON text that does not parse (a client's malformed JSON still holds its secret). */
function jsonPairs(body: string): Parameters {
  return [...body.matchAll(/"([^"\\]{1,64})"\s*:\s*"((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]);
}

/** Every value under a secret key of parsed JSON (strings, numbers, arrays of them), at any depth. */
function jsonSecrets(value: unknown, underSecretKey = false): string[] {
  if (typeof value === "string" || typeof value === "number") return underSecretKey ? [String(value)] : [];
  if (Array.isArray(value)) return value.flatMap((item) => jsonSecrets(item, underSecretKey));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, child]) => jsonSecrets(child, underSecretKey || SECRET_NAMES.has(key.toLowerCase())));
  return [];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every value under a secret key replaced, whatever its type; the rest redacted by shape. */
function redactJsonKeys(value: unknown, key?: string): unknown {
  if (key && SECRET_NAMES.has(key.toLowerCase()) && value !== null && typeof value !== "boolean") return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactJsonKeys(item));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, redactJsonKeys(child, name)]));
  return redact(value, key);
}

/** The secret values a request or answer carries, so that each is also hidden wherever else it is echoed. */
function collectSecrets(request: RequestSnapshot, response: ResponseSnapshot): Secrets {
  const secrets: Secrets = new Set();
  const add = (value: string | null | undefined) => {
    if (value && value.length >= MIN_ECHO_LENGTH && secrets.size < MAX_SECRETS) secrets.add(value);
  };
  const fromParameters = (parameters: Parameters, names: ReadonlySet<string>) => {
    for (const [name, value] of parameters) if (names.has(name.toLowerCase()) || isSecretValue(value)) add(value);
  };
  fromParameters([...(parsedUrl(request.url)?.searchParams ?? [])], SECRET_NAMES);
  for (const location of locations(response.headers)) fromParameters([...(parsedUrl(location)?.searchParams ?? [])], SECRET_FORM_NAMES);
  // What the client sent is searched by name; what the sandbox answers is caught by shape and by key (redactBody).
  const form = formParameters(request.body, request.headers);
  if (form) fromParameters(form, SECRET_FORM_NAMES);
  else {
    const json = parseJson(request.body);
    if (json === undefined) fromParameters(jsonPairs(request.body), SECRET_NAMES);
    else for (const secret of jsonSecrets(json)) add(secret);
  }
  for (const [name, value] of request.headers) {
    if (name !== "authorization") continue;
    const words = value.trim().split(/\s+/);
    const credential = words.length > 1 ? words.slice(1).join(" ") : words[0];
    add(credential);
    if (/^basic$/i.test(words[0])) {
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
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return hideTokenLike(out);
}

function redactParameters(parameters: Parameters, names: ReadonlySet<string>, secrets: Secrets): string {
  const out = new URLSearchParams();
  for (const [name, value] of parameters)
    out.append(name, names.has(name.toLowerCase()) || secrets.has(value) ? REDACTED : (redact(value, name) as string));
  return hideAll(out.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED), secrets);
}

/** The origin stays as it is (it names this server); path, query and fragment lose every secret; the result parses. */
function redactUrl(url: string, secrets: Secrets, queryNames: ReadonlySet<string>): string {
  const parsed = parsedUrl(url);
  if (!parsed) return hideAll(url, secrets);
  const query = parsed.search ? redactParameters([...parsed.searchParams], queryNames, secrets) : "";
  const hash = parsed.hash.slice(1);
  const fragment = hash.includes("=")
    ? redactParameters([...new URLSearchParams(hash)], SECRET_FORM_NAMES, secrets)
    : hideAll(hash, secrets);
  parsed.pathname = hideAll(parsed.pathname, secrets);
  parsed.search = query;
  parsed.hash = fragment;
  return parsed.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED);
}

/** Cookies are sessions: their values never leave the server; names and attributes stay. */
function redactCookies(value: string, separator: string): string {
  return value
    .split(separator)
    .map((part, index) => {
      const equals = part.indexOf("=");
      if (separator === ";" && index > 0) return part;
      return equals > 0 ? `${part.slice(0, equals + 1)}${REDACTED}` : REDACTED;
    })
    .join(separator);
}

function redactAuthorization(value: string): string {
  const scheme = value.trim().split(/\s+/, 1)[0];
  return AUTH_SCHEMES.test(scheme) ? `${scheme} ${REDACTED}` : REDACTED;
}

function redactHeaders(headers: Headers, secrets: Secrets): Headers {
  return headers.map(([name, value]) => {
    if (ADDRESS_HEADERS.has(name)) return [name, value];
    if (name === "authorization" || name === "proxy-authorization") return [name, redactAuthorization(value)];
    if (name === "cookie") return [name, redactCookies(value, "; ")];
    if (name === "set-cookie") return [name, redactCookies(value, ";")];
    if (name === "location" || name === "referer") return [name, redactUrl(value, secrets, SECRET_FORM_NAMES)];
    return [name, hideAll(redact(value) as string, secrets)];
  });
}

/** The body cut to what is redacted: at the last delimiter before the limit, so no token is split in two. */
function processedPart(body: string): { text: string; left: number } {
  if (body.length <= PROCESS_LIMIT) return { text: body, left: 0 };
  const head = body.slice(0, PROCESS_LIMIT);
  const cut = Math.max(head.search(/[^A-Za-z0-9_.%~+/=-][A-Za-z0-9_.%~+/=-]*$/), 0);
  return { text: head.slice(0, cut), left: body.length - cut };
}

/**
 * What a client sends is searched thoroughly (parsed JSON by key at any depth); what the sandbox answers, which can
 * be a large FHIR Bundle, in one linear pass over its text (its secrets are shaped like tokens or under known keys).
 */
function redactBody(body: string, headers: Headers, secrets: Secrets, side: "request" | "response"): string {
  if (!body) return "";
  const { text, left } = processedPart(body);
  const form = formParameters(text, headers);
  const json = form || side === "response" ? undefined : parseJson(text);
  let out: string;
  if (form && !isMultipart(headers)) out = redactParameters(form, SECRET_FORM_NAMES, secrets);
  else if (form) out = hideAll(text.replace(MULTIPART_SECRET, `$1${REDACTED}`), secrets);
  // Valid JSON is searched by key at any depth (escaped keys, numbers, arrays); other text by its JSON-like pairs.
  else if (json !== undefined && typeof json === "object") out = hideAll(JSON.stringify(redactJsonKeys(json)), secrets);
  else out = hideAll(text.replace(SECRET_JSON_VALUE, `$1"${REDACTED}"`), secrets);
  // PostgreSQL text cannot hold a NUL character: shown escaped, as JSON would.
  out = out.replaceAll("\u0000", "\\u0000");
  const cut = out.length > BODY_LIMIT ? out.length - BODY_LIMIT + left : left;
  return cut > 0 ? `${out.slice(0, BODY_LIMIT)}\n[… ${cut} more characters not kept]` : out;
}

/** A multipart part whose name only ever holds a secret: its value line is replaced, however short. */
const MULTIPART_SECRET = new RegExp(
  `(name=("?)(?:${[...SECRET_FORM_NAMES].join("|")})\\2[^\\r\\n]*\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n)[^\\r\\n]*`,
  "gi",
);

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
    url: redactUrl(request.url, secrets, SECRET_NAMES),
    requestHeaders: JSON.stringify(redactHeaders(request.headers, secrets)),
    requestBody: redactBody(request.body, request.headers, secrets, "request"),
    status: response.status,
    responseHeaders: JSON.stringify(redactHeaders(response.headers, secrets)),
    responseBody: redactBody(response.body, response.headers, secrets, "response"),
  };
}
