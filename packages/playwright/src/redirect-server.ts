// A local stand-in for the app's redirect URI: an HTTP server on 127.0.0.1 (random port) that records each
// authorization response (code / state / error / error_uri / iss) and answers a tiny HTML page. The sandbox
// matches loopback redirect URIs on any port (RFC 8252 §7.3), so one registration serves every run.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Callback {
  /** The full URL the browser (or client) landed on. */
  url: string;
  params: URLSearchParams;
  code?: string;
  state?: string;
  error?: string;
  error_uri?: string;
  error_description?: string;
  /** RFC 9207, when the tenant sends it (`authorizationResponseIss`). */
  iss?: string;
  receivedAt: Date;
}

export interface RedirectServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (a random free port). */
  port?: number;
  /** Default /callback. */
  path?: string;
}

export interface WaitForCallbackOptions {
  /** Default 30 s. */
  timeout?: number;
  /** Only a callback with this state counts. */
  state?: string;
}

export interface RedirectServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** e.g. http://127.0.0.1:41234/callback — register this. */
  redirectUri: string;
  /** Every callback received so far, oldest first. */
  readonly callbacks: readonly Callback[];
  /** The next callback not handed out yet (optionally with a given state); waits for it. */
  waitForCallback(options?: WaitForCallbackOptions): Promise<Callback>;
  close(): Promise<void>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function page(callback: Callback): string {
  const outcome = callback.error
    ? `Authorization failed: ${callback.error}`
    : callback.code
      ? "Authorization code received"
      : "No code in this callback";
  const rows = [...callback.params.keys()]
    .filter((key) => key !== "code")
    .map((key) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(callback.params.get(key) ?? "")}</dd>`)
    .join("");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>QA app callback</title></head>
<body><main><h1>QA app callback</h1><p role="status">${escapeHtml(outcome)}</p><dl>${rows}</dl></main></body>
</html>`;
}

function pick(params: URLSearchParams, key: string): string | undefined {
  return params.get(key) ?? undefined;
}

export async function startRedirectServer(options: RedirectServerOptions = {}): Promise<RedirectServer> {
  const host = options.host ?? "127.0.0.1";
  const path = options.path ?? "/callback";
  const received: Callback[] = [];
  let handedOut = 0;
  const handed = new Set<Callback>();
  const waiters: { state?: string; resolve: (callback: Callback) => void }[] = [];

  const offer = (callback: Callback) => {
    const index = waiters.findIndex((waiter) => waiter.state === undefined || waiter.state === callback.state);
    if (index >= 0) {
      const [waiter] = waiters.splice(index, 1);
      handed.add(callback);
      handedOut++;
      waiter.resolve(callback);
    }
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", `http://${request.headers.host ?? host}`);
    if (request.method !== "GET" || url.pathname !== path) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
      response.end("not found");
      return;
    }
    const params = url.searchParams;
    const callback: Callback = {
      url: url.href,
      params,
      code: pick(params, "code"),
      state: pick(params, "state"),
      error: pick(params, "error"),
      error_uri: pick(params, "error_uri"),
      error_description: pick(params, "error_description"),
      iss: pick(params, "iss"),
      receivedAt: new Date(),
    };
    received.push(callback);
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });
    response.end(page(callback));
    offer(callback);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    origin,
    redirectUri: `${origin}${path}`,
    get callbacks() {
      return received;
    },
    waitForCallback({ timeout = 30_000, state }: WaitForCallbackOptions = {}) {
      const waiting = received.find((callback) => !handed.has(callback) && (state === undefined || callback.state === state));
      if (waiting) {
        handed.add(waiting);
        handedOut++;
        return Promise.resolve(waiting);
      }
      return new Promise<Callback>((resolve, reject) => {
        const waiter = {
          state,
          resolve: (callback: Callback) => {
            clearTimeout(timer);
            resolve(callback);
          },
        };
        const timer = setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) waiters.splice(index, 1);
          reject(
            new Error(
              `no callback${state ? ` with state ${state}` : ""} at ${origin}${path} within ${timeout} ms (received ${received.length}, handed out ${handedOut})`,
            ),
          );
        }, timeout);
        waiters.push(waiter);
      });
    },
    close() {
      return new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      });
    },
  };
}
