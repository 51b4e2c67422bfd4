// Structured JSON logs (pino) on standard output: one line per request answered by the protocol endpoints and one
// per error, each with the correlation id that the response carries (X-Correlation-Id) and the activity log keeps.
// LOG_LEVEL sets the level (default "info"; "silent" turns logging off).
import pino from "pino";

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  base: { service: "smart-trust-sandbox" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ["req.headers.authorization", "req.headers.cookie"], remove: true },
});

/** One line for a request the sandbox answered: method, path (no query: it may hold codes), status, correlation id. */
export function logExchange(request: Request, status: number, correlationId: string): void {
  log.info({ correlationId, method: request.method, path: new URL(request.url).pathname, status }, "request answered");
}
