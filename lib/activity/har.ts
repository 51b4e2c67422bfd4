// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) of kept exchanges, for browser dev tools and proxies.
// What is written was redacted before it was stored: a HAR file can be shared.
import type { StoredExchange } from "./http-exchange-store";
import { download } from "./download";
import { statusText, urlParts } from "./raw-http";

type NameValue = { name: string; value: string };

const pairs = (headers: [string, string][]): NameValue[] => headers.map(([name, value]) => ({ name, value }));
const headerOf = (headers: [string, string][], wanted: string) => headers.find(([name]) => name === wanted)?.[1];

function queryOf(url: string): NameValue[] {
  return urlParts(url).query.map(([name, value]) => ({ name, value }));
}

function entry(exchange: StoredExchange) {
  const requestType = headerOf(exchange.requestHeaders, "content-type");
  const responseType = headerOf(exchange.responseHeaders, "content-type") ?? "";
  return {
    startedDateTime: exchange.startedAt.toISOString(),
    time: exchange.durationMs,
    request: {
      method: exchange.method,
      url: exchange.url,
      httpVersion: "HTTP/1.1",
      cookies: [],
      headers: pairs(exchange.requestHeaders),
      queryString: queryOf(exchange.url),
      ...(exchange.requestBody ? { postData: { mimeType: requestType ?? "", text: exchange.requestBody } } : {}),
      headersSize: -1,
      bodySize: exchange.requestBody.length,
    },
    response: {
      status: exchange.status,
      statusText: statusText(exchange.status),
      httpVersion: "HTTP/1.1",
      cookies: [],
      headers: pairs(exchange.responseHeaders),
      content: { size: exchange.responseBody.length, mimeType: responseType, text: exchange.responseBody },
      redirectURL: headerOf(exchange.responseHeaders, "location") ?? "",
      headersSize: -1,
      bodySize: exchange.responseBody.length,
    },
    cache: {},
    timings: { send: 0, wait: exchange.durationMs, receive: 0 },
    comment: `X-Correlation-Id ${exchange.correlationId}`,
  };
}

export function toHar(exchanges: StoredExchange[], comment: string) {
  return {
    log: {
      version: "1.2",
      creator: { name: "SMART Trust Sandbox", version: "1" },
      comment,
      entries: exchanges.map(entry),
    },
  };
}

/** The HAR as a download. */
export function harDownload(har: ReturnType<typeof toHar>, filename: string): Response {
  return download(JSON.stringify(har, null, 2), "application/json", filename);
}
