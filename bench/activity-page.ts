// The console's activity page with 1,000,000 events in the tenant's log: p50/p99 of server time for the first page,
// a filtered page and a page deep in the log (keyset cursor), against `next start`.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { sqliteFilePath } from "../lib/config/environment";
import { DEFAULT_TENANT } from "../lib/personas/personas";
import { percentile } from "./stats";

const PORT = Number(process.env.BENCH_PORT ?? 3200) + 1;
const ORIGIN = `http://localhost:${PORT}`;
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const TYPES = [
  "fhir.read",
  "fhir.search",
  "token.refreshed",
  "token.issued",
  "trust.checked",
  "authorize.started",
  "grant.created",
  "token.failed",
];

/** Bulk-loads synthetic events straight into the SQLite file (a benchmark fixture, not how the app writes). */
function loadEvents(databaseUrl: string): void {
  const sqlite = new Database(sqliteFilePath(databaseUrl));
  const insert = sqlite.prepare(
    'INSERT INTO "Event" (id, type, tenantId, clientId, grantId, patientId, correlationId, payload, createdAt, sandboxAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const start = Date.now() - EVENTS * 1000;
  const load = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const at = start + i * 1000;
      insert.run(
        randomUUID(),
        TYPES[i % TYPES.length],
        DEFAULT_TENANT.id,
        `client-${i % 50}`,
        `grant-${i % 5000}`,
        "ava-rivera",
        randomUUID(),
        '{"status":200}',
        at,
        at,
      );
    }
  });
  for (let from = 0; from < EVENTS; from += 100_000) load(from, Math.min(EVENTS, from + 100_000));
  sqlite.close();
}

async function timePage(url: string, runs = 50): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await fetch(url);
    await response.text();
    if (!response.ok) throw new Error(`${url} → ${response.status}`);
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function benchActivityPage(databaseUrl: string) {
  const loadStarted = Date.now();
  loadEvents(databaseUrl);
  const loadSeconds = Math.round((Date.now() - loadStarted) / 1000);
  const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(PORT)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: ORIGIN,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "silent",
      SANDBOX_SWEEP_MINUTES: "0",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (
      let i = 0;
      i < 120 &&
      !(await fetch(`${ORIGIN}/api/health`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await new Promise((resolve) => setTimeout(resolve, 250));
    await timePage(`${ORIGIN}/console/activity`, 3);
    const first = await timePage(`${ORIGIN}/console/activity`);
    const filtered = await timePage(`${ORIGIN}/console/activity?app=client-7`);
    const cursor = Buffer.from(JSON.stringify([new Date(Date.now() - (EVENTS / 2) * 1000).toISOString(), "zzzz"])).toString("base64url");
    const middle = await timePage(`${ORIGIN}/console/activity?cursor=${cursor}`);
    const row = (name: string, samples: number[]) => ({
      name,
      runs: samples.length,
      p50: Math.round(percentile(samples, 50)),
      p99: Math.round(percentile(samples, 99)),
    });
    return {
      events: EVENTS,
      loadSeconds,
      pages: [row("first page (100 newest)", first), row("filtered by app", filtered), row("a page half-way back (cursor)", middle)],
    };
  } finally {
    server.kill("SIGTERM");
  }
}
