// Recreates the e2e database with the real migrations and the seed — a SQLite file under ./data, or a PostgreSQL
// database whose name starts with "sandbox_e2e" (dropped and created again; never anything else) — then serves
// the production build with `next start` until the run ends, its live probe pointed at a local TLS and DNS server.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseKind, sqliteFilePath } from "../../lib/config/environment";
import { prepareDatabase } from "../../lib/setup/prepare-database";
import { frameworkEnvironment } from "../../lib/secrets/sandbox-secrets";
import { E2E_BASE_URL, E2E_DATABASE_URL, E2E_PORT } from "./e2e-environment";
import { startLiveWorld } from "./live-world";

async function recreateDatabase(url: string): Promise<void> {
  if (databaseKind(url) === "sqlite") {
    const file = sqliteFilePath(url);
    if (!file.startsWith(path.resolve("data") + path.sep)) throw new Error(`e2e only uses a SQLite file under ./data, not ${file}`);
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    return;
  }
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1));
  if (!/^sandbox_e2e[a-z0-9_]*$/.test(database))
    throw new Error(`e2e only recreates PostgreSQL databases named sandbox_e2e…, not "${database}"`);
  target.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
}

async function waitForHealth(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${E2E_BASE_URL}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the e2e server did not become healthy at ${E2E_BASE_URL}`);
}

export default async function globalSetup() {
  await recreateDatabase(E2E_DATABASE_URL);
  await prepareDatabase({ databaseUrl: E2E_DATABASE_URL, publicUrl: E2E_BASE_URL });
  const { db } = await import("../../lib/db/client");
  const framework = await frameworkEnvironment(db);
  const live = await startLiveWorld();
  // The specs read E2E_LIVE_TLS_PORT (workers inherit the environment set here).
  Object.assign(process.env, { E2E_LIVE_TLS_PORT: live.env.E2E_LIVE_TLS_PORT });

  const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(E2E_PORT)], {
    env: {
      ...process.env,
      ...framework,
      ...live.env,
      DATABASE_URL: E2E_DATABASE_URL,
      PUBLIC_URL: E2E_BASE_URL,
      PORT: String(E2E_PORT),
      // The error-drill pages fail on purpose, to show each segment's error boundary (e2e/error-boundaries.ui.spec.ts).
      SANDBOX_ERROR_DRILL: "1",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<never>((_, reject) =>
    server.once("exit", (code) => reject(new Error(`next start exited early with code ${code}`))),
  );
  await Promise.race([waitForHealth(Date.now() + 60_000), exited]);

  return async () => {
    server.kill("SIGTERM");
    live.servers.forEach((closable) => closable.close());
    await db.$disconnect();
  };
}
