// `npm start`: build when the sources are newer than the last build, check the port, migrate and seed
// the database, then serve with `next start`. Configuration mistakes print one line and exit 1.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { ConfigurationError, databaseUrl, port, publicUrl } from "../lib/config/environment";
import { prepareDatabase } from "../lib/db/prepare-database";
import { frameworkEnvironment } from "../lib/secrets/sandbox-secrets";

const SOURCES = ["app", "lib", "components", "public", "next.config.ts", "package.json", "postcss.config.mjs"];

function newestSourceTime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((newest, child) => Math.max(newest, newestSourceTime(path.join(entry, child))), stats.mtimeMs);
}

function buildIfNeeded(): void {
  const buildId = path.join(".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (builtAt > Math.max(...SOURCES.map(newestSourceTime))) return;
  console.log("smart-trust-sandbox: building the app (first start or sources changed)…");
  const result = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new ConfigurationError("the build failed (see the output above)");
}

function assertPortFree(value: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(new ConfigurationError(error.code === "EADDRINUSE" ? `port ${value} is already in use; set PORT to a free port` : `cannot listen on port ${value}: ${error.message}`)),
    );
    probe.listen(value, () => probe.close(() => resolve()));
  });
}

async function main(): Promise<void> {
  const env = { PORT: String(port()), PUBLIC_URL: publicUrl(), DATABASE_URL: databaseUrl() };
  await assertPortFree(Number(env.PORT));
  await prepareDatabase({ databaseUrl: env.DATABASE_URL, publicUrl: env.PUBLIC_URL });
  const { db } = await import("../lib/db/client");
  const framework = await frameworkEnvironment(db);
  buildIfNeeded();
  console.log(`smart-trust-sandbox: serving ${env.PUBLIC_URL} (database ${env.DATABASE_URL})`);
  const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", env.PORT], {
    stdio: "inherit",
    env: { ...process.env, ...env, ...framework, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigurationError ? error.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
  console.error(`smart-trust-sandbox: ${message}`);
  process.exit(1);
});
