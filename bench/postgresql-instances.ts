// Refresh throughput on PostgreSQL, one instance vs two instances of the same build on one database (10 connections
// in all, split across the two), against `next start`. Skipped when no PostgreSQL answers (TEST_POSTGRES_URL).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";

const BASE_PORT = Number(process.env.BENCH_PORT ?? 3200) + 2;
const DATABASE = "sandbox_bench";

/** `npm start`'s script: it migrates and seeds the database itself (this process's database client is SQLite's). */
function start(port: number, databaseUrl: string, publicUrl: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/start.ts")], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: publicUrl,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "silent",
      SANDBOX_SWEEP_MINUTES: "0",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function healthy(origin: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${origin}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${origin} did not start`);
}

export async function benchPostgresqlInstances(): Promise<{ oneInstance: number; twoInstances: number; ratio: number } | string> {
  const admin = process.env.TEST_POSTGRES_URL ?? "postgresql://sandbox:sandbox@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
  } catch {
    return "skipped: no PostgreSQL answers (set TEST_POSTGRES_URL)";
  }
  await client.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${DATABASE}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${DATABASE}`;
  const databaseUrl = url.toString();
  const origins = [BASE_PORT, BASE_PORT + 1].map((port) => `http://localhost:${port}`);
  const servers = [start(BASE_PORT, databaseUrl, origins[0])];
  try {
    await healthy(origins[0]);
    servers.push(start(BASE_PORT + 1, databaseUrl, origins[0]));
    await healthy(origins[1]);
    const json = async (origin: string, route: string, body: unknown) =>
      (
        await fetch(`${origin}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
      ).json();
    const tenant = await json(origins[0], "/api/sandbox/tenants", {});
    const oauth = `/tenants/${tenant.tenantId}/protocols/oauth2/profiles/smart-v1`;
    const app = await json(origins[0], `${oauth}/register`, {
      client_name: "PG bench",
      redirect_uris: ["https://pg-bench.example.com/cb"],
      token_endpoint_auth_method: "none",
      scope: "launch/patient openid fhirUser offline_access patient/Patient.read",
    });
    if (!app.client_id)
      throw new Error(`the PostgreSQL bench could not register an app: ${JSON.stringify(app)} (tenant: ${JSON.stringify(tenant)})`);
    const approved = await json(origins[0], `/api/sandbox/tenants/${tenant.tenantId}/grants`, {
      client_id: app.client_id,
      username: "avarivera",
    });
    if (!approved.tokens) throw new Error(`the PostgreSQL bench could not approve a grant: ${JSON.stringify(approved)}`);
    const { tokens } = approved;
    const load = (origin: string, connections: number) =>
      autocannon({
        url: `${origin}${oauth}/token`,
        connections,
        duration: 10,
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: tokens.refresh_token }).toString(),
      });
    await load(origins[1], 2);
    const one = await load(origins[0], 10);
    const both = await Promise.all([load(origins[0], 5), load(origins[1], 5)]);
    const oneInstance = Math.round(one.requests.average);
    const twoInstances = Math.round(both[0].requests.average + both[1].requests.average);
    if (one.non2xx + both[0].non2xx + both[1].non2xx > 0) throw new Error("refreshes failed during the PostgreSQL bench");
    return { oneInstance, twoInstances, ratio: Math.round((twoInstances / oneInstance) * 100) / 100 };
  } finally {
    for (const server of servers) server.kill("SIGTERM");
  }
}
