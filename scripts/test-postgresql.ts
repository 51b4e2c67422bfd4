// `npm run test:postgresql`: the unit and e2e suites again, on PostgreSQL. The server is TEST_POSTGRES_URL (a role
// that may create databases, e.g. postgresql://sandbox:sandbox@127.0.0.1:5432/postgres); without it, a local
// Debian cluster is started when this machine has one (as root: pg_ctlcluster, and a `sandbox` role is created).
// When no server can be had, the PostgreSQL pass is skipped with one line saying why — never silently.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const LOCAL_URL = "postgresql://sandbox:sandbox@127.0.0.1:5432/postgres";

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Starts the machine's Debian PostgreSQL cluster and a `sandbox` role; returns why not when it cannot. */
function startLocalCluster(): string | null {
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql") : [];
  if (versions.length === 0) return "no PostgreSQL server is installed here (Debian: apt-get install -y postgresql)";
  if (process.getuid?.() !== 0)
    return "a local PostgreSQL is installed but starting it needs root; start it yourself and set TEST_POSTGRES_URL";
  const version = versions.sort().at(-1)!;
  spawnSync("pg_ctlcluster", [version, "main", "start"], { stdio: "ignore" });
  const psql = (sql: string) => spawnSync("su", ["postgres", "-c", `psql -v ON_ERROR_STOP=1 -qAtc "${sql}"`], { encoding: "utf8" });
  const exists = psql("SELECT 1 FROM pg_roles WHERE rolname = 'sandbox'");
  if (exists.status !== 0) return `the local PostgreSQL ${version} cluster did not start: ${exists.stderr.trim()}`;
  if (exists.stdout.trim() !== "1") psql("CREATE ROLE sandbox LOGIN CREATEDB PASSWORD 'sandbox'");
  return null;
}

async function main(): Promise<void> {
  let url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    const problem = (await reachable(LOCAL_URL)) ? null : startLocalCluster();
    if (problem) {
      console.log(`PostgreSQL tests skipped: ${problem}.`);
      return;
    }
    url = LOCAL_URL;
  }
  if (!(await reachable(url))) throw new Error(`TEST_POSTGRES_URL does not answer: ${url.replace(/\/\/([^:@/]+):([^@/]+)@/, "//$1:***@")}`);
  const e2eDatabase = new URL(url);
  e2eDatabase.pathname = "/sandbox_e2e";
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    SANDBOX_TEST_DATABASE: "postgresql",
    TEST_POSTGRES_URL: url,
    E2E_DATABASE_URL: e2eDatabase.toString(),
  };
  const bin = (name: string, ...file: string[]) => path.join("node_modules", name, ...file);
  console.log("PostgreSQL: unit and route-level tests");
  execFileSync(process.execPath, [bin("vitest", "vitest.mjs"), "run"], { stdio: "inherit", env });
  console.log("PostgreSQL: end-to-end tests against the same production build");
  execFileSync(process.execPath, [bin("@playwright", "test", "cli.js"), "test"], { stdio: "inherit", env });
}

main().catch((error: unknown) => {
  console.error(`PostgreSQL tests failed: ${(error as Error).message}`);
  process.exit(1);
});
