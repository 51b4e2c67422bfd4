// An exchange written out as HTTP/1.1 text (request line or status line, headers, blank line, body), as a developer
// reads it in a proxy. JSON bodies are indented; everything shown was redacted before it was stored.
import type { StoredExchange } from "./http-exchange-store";

const REASONS: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  302: "Found",
  303: "See Other",
  307: "Temporary Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function statusText(status: number): string {
  return REASONS[status] ?? "";
}

function readableBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** The parts of a stored URL; one that does not parse (it never should) is shown whole as its path. */
export function urlParts(url: string): { host: string; pathname: string; search: string; query: [string, string][] } {
  try {
    const parsed = new URL(url);
    return { host: parsed.host, pathname: parsed.pathname, search: parsed.search, query: [...parsed.searchParams] };
  } catch {
    return { host: "", pathname: url, search: "", query: [] };
  }
}

const headerLines = (headers: [string, string][]) => headers.map(([name, value]) => `${name}: ${value}`);

/** Without headers (a projector's view): the request line or status line and the body, which is what the story is about. */
interface Shown {
  headers?: boolean;
}

export function rawRequest(exchange: StoredExchange, { headers = true }: Shown = {}): string {
  const url = urlParts(exchange.url);
  const head = [
    `${exchange.method} ${url.pathname}${url.search} HTTP/1.1`,
    ...(headers ? [`host: ${url.host}`, ...headerLines(exchange.requestHeaders.filter(([name]) => name !== "host"))] : []),
  ];
  return [...head, "", readableBody(exchange.requestBody)].join("\n").trimEnd();
}

export function rawResponse(exchange: StoredExchange, { headers = true }: Shown = {}): string {
  const head = [
    `HTTP/1.1 ${exchange.status} ${statusText(exchange.status)}`.trimEnd(),
    ...(headers ? headerLines(exchange.responseHeaders) : []),
  ];
  return [...head, "", readableBody(exchange.responseBody)].join("\n").trimEnd();
}

/** A short name for lists: "POST …/token → 400". */
export function exchangeSummary(exchange: Pick<StoredExchange, "method" | "url" | "status">): string {
  const path = urlParts(exchange.url).pathname;
  const tail = path.split("/").slice(-2).join("/");
  return `${exchange.method} …/${tail} → ${exchange.status}`;
}
