// `npm start`: build when the sources are newer than the last build, check the port, migrate and seed
// the database, then serve with `next start`. Configuration mistakes print one line and exit 1.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import type { Writable } from "node:stream";
import { probeSettings } from "../lib/config/probe-settings";
import { ConfigurationError, databaseKind, databaseUrl, port, publicUrl } from "../lib/config/environment";
import { prepareDatabase } from "../lib/setup/prepare-database";
import { frameworkEnvironment } from "../lib/secrets/sandbox-secrets";
import { newestSourceTime } from "./build-sources";

function buildNeeded(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  return builtAt <= newestSourceTime(process.cwd());
}

function build(): void {
  console.log("smart-trust-sandbox: building the app (first start or sources changed)…");
  const result = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new ConfigurationError("the build failed (see the output above)");
}

function assertPortFree(value: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new ConfigurationError(
          error.code === "EADDRINUSE"
            ? `port ${value} is already in use; set PORT to a free port`
            : `cannot listen on port ${value}: ${error.message}`,
        ),
      ),
    );
    probe.listen(value, () => probe.close(() => resolve()));
  });
}

async function main(): Promise<void> {
  const env = { PORT: String(port()), PUBLIC_URL: publicUrl(), DATABASE_URL: databaseUrl() };
  probeSettings(); // a misconfigured live probe is said now, not at an app's first live check
  databaseKind(env.DATABASE_URL); // a URL of a kind the sandbox does not speak fails here, before anything starts
  await assertPortFree(Number(env.PORT));
  const prepare = async () => {
    await prepareDatabase({ databaseUrl: env.DATABASE_URL, publicUrl: env.PUBLIC_URL });
    const { db } = await import("../lib/db/client");
    return frameworkEnvironment(db);
  };
  // A build takes a minute: a database that cannot be opened should say so first.
  let preparedFirst: Awaited<ReturnType<typeof prepare>> | null = null;
  if (buildNeeded()) {
    preparedFirst = await prepare();
    build();
  }
  // Otherwise Next.js boots (~1.3 s) while the database is migrated and seeded; either way it serves nothing until
  // it reads the framework environment on file descriptor 3 (lib/config/start-signal.ts).
  const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", env.PORT], {
    stdio: ["inherit", "inherit", "inherit", "pipe"],
    env: { ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", SANDBOX_READY_FD: "3" },
  });
  const signal = server.stdio[3] as Writable;
  signal.on("error", () => undefined); // a server that died early is reported by its exit below
  server.on("exit", (code) => process.exit(code ?? 0));
  try {
    signal.end(JSON.stringify(preparedFirst ?? (await prepare())));
  } catch (error) {
    server.kill("SIGKILL"); // before it can say anything: the one line below is the whole story
    signal.destroy();
    throw error;
  }
  console.log(`smart-trust-sandbox: serving ${env.PUBLIC_URL} (database ${env.DATABASE_URL})`);
  for (const name of ["SIGINT", "SIGTERM"] as const) process.on(name, () => server.kill(name));
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigurationError ? error.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
  console.error(`smart-trust-sandbox: ${message}`);
  process.exit(1);
});
