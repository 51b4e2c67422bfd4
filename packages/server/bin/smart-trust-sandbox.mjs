#!/usr/bin/env node
// `npx smart-trust-sandbox`: starts the prebuilt sandbox (Next.js standalone server) with its embedded SQLite
// database in a data directory. Checks the port and the data directory first and says in one line what is wrong.
// Plain Node (no shell, no POSIX-only calls), so it runs on Linux, macOS and Windows alike.
import { spawn } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));

const HELP = `smart-trust-sandbox ${version} — a mock SMART on FHIR authorization server, FHIR API and demo app

Usage: npx smart-trust-sandbox [options]

Options:
  --port <n>          port to listen on (default 3000; env PORT)
  --host <address>    address to listen on (default 127.0.0.1; 0.0.0.0 to share it on your network; env SANDBOX_HOST)
  --data-dir <dir>    where the SQLite database lives (default: a per-user folder, printed at start; env SANDBOX_DATA_DIR)
  --public-url <url>  the sandbox's address as apps and browsers see it (default http://localhost:<port>; env PUBLIC_URL)
  -h, --help          show this help
  -v, --version       print the version

Environment:
  DATABASE_URL            postgresql://… to use PostgreSQL instead of the data directory's SQLite file
  SANDBOX_ADMIN_PASSWORD  protect the console and the control API with this password
  LOG_LEVEL               pino log level (default info)
  SANDBOX_PROBE_RESOLVERS DNS servers for the live probe, ip[:port],… (default: the system's)
  SANDBOX_PROBE_ANCHORS   a PEM file of extra trusted roots for the live probe
  SANDBOX_PROBE_ALLOW_PRIVATE  1 = the live probe may connect to private and loopback addresses

Once it runs: the landing page at the public URL, GET /api/health, the console at /console, the demo app at /demo.`;

function fail(message) {
  console.error(`smart-trust-sandbox: ${message}`);
  process.exit(1);
}

function parseArguments(argv) {
  const options = {};
  const names = { "--port": "port", "--host": "host", "--data-dir": "dataDir", "--public-url": "publicUrl" };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === "-h" || flag === "--help") options.help = true;
    else if (flag === "-v" || flag === "--version") options.version = true;
    else if (names[flag]) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--")) fail(`${flag} needs a value (see --help)`);
      options[names[flag]] = value;
    } else fail(`unknown option ${argv[i]} (see --help)`);
  }
  return options;
}

/** A per-user folder: XDG on Linux, Application Support on macOS, LOCALAPPDATA on Windows. */
function defaultDataDir() {
  if (process.platform === "win32")
    return path.join(process.env.LOCALAPPDATA || path.join(os.homedir(), "AppData", "Local"), "smart-trust-sandbox");
  if (process.platform === "darwin") return path.join(os.homedir(), "Library", "Application Support", "smart-trust-sandbox");
  return path.join(process.env.XDG_DATA_HOME || path.join(os.homedir(), ".local", "share"), "smart-trust-sandbox");
}

function usableDataDir(dir) {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    const probe = path.join(dir, `.write-test-${process.pid}`);
    writeFileSync(probe, "");
    rmSync(probe);
  } catch (error) {
    fail(
      `cannot use the data directory ${dir}: ${error.code === "EACCES" || error.code === "EPERM" ? "it is not writable" : error.message}`,
    );
  }
}

function assertPortFree(port, host) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (error) =>
      fail(
        error.code === "EADDRINUSE"
          ? `port ${port} is already in use; choose another with --port`
          : `cannot listen on ${host}:${port}: ${error.message}`,
      ),
    );
    probe.listen(port, host, () => probe.close(resolve));
  });
}

/** The folder of an installed package, looked up the way Node.js resolves it from `from`. */
function packageDir(name, from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", ...name.split("/"));
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * The built server loads some packages through aliases (`.next-package/node_modules/jose-<hash>`); npm does not
 * ship nested node_modules folders, so they are linked here on first start (junctions on Windows: no admin rights).
 */
function linkExternalAliases() {
  const app = path.join(root, "app");
  const aliases = JSON.parse(readFileSync(path.join(app, "external-aliases.json"), "utf8"));
  for (const { alias, target } of aliases) {
    const link = path.join(app, ".next-package", "node_modules", ...alias.split("/"));
    if (existsSync(link)) continue;
    const dir = packageDir(target, app);
    if (!dir) fail(`the installed package is incomplete: ${target} is missing; reinstall smart-trust-sandbox`);
    try {
      mkdirSync(path.dirname(link), { recursive: true });
      symlinkSync(dir, link, process.platform === "win32" ? "junction" : "dir");
    } catch (error) {
      fail(
        `cannot prepare the installed package at ${root} (${error.code ?? error.message}); install it where your user may write, e.g. with npx`,
      );
    }
  }
}

const options = parseArguments(process.argv.slice(2));
if (options.help) {
  console.log(HELP);
  process.exit(0);
}
if (options.version) {
  console.log(version);
  process.exit(0);
}

/** An environment variable, with an empty value counting as unset. */
const env = (name) => process.env[name]?.trim() || undefined;

const port = Number(options.port ?? env("PORT") ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535)
  fail(`--port must be a whole number from 1 to 65535, got "${options.port ?? env("PORT")}"`);
const host = options.host ?? env("SANDBOX_HOST") ?? "127.0.0.1";
const publicUrl = (options.publicUrl ?? env("PUBLIC_URL") ?? `http://localhost:${port}`).replace(/\/$/, "");
try {
  if (!/^https?:$/.test(new URL(publicUrl).protocol)) throw new Error();
} catch {
  fail(`--public-url must be an absolute http(s) URL, got "${publicUrl}"`);
}
let databaseUrl = env("DATABASE_URL");
let dataDir = null;
if (!databaseUrl) {
  dataDir = path.resolve(options.dataDir ?? env("SANDBOX_DATA_DIR") ?? defaultDataDir());
  usableDataDir(dataDir);
  databaseUrl = `file:${path.join(dataDir, "sandbox.db")}`;
}
await assertPortFree(port, host);
linkExternalAliases();

console.log(`smart-trust-sandbox ${version}: ${dataDir ? `data in ${dataDir}` : "database from DATABASE_URL"}; starting ${publicUrl} …`);
const server = spawn(process.execPath, [path.join(root, "app", "server.js")], {
  cwd: path.join(root, "app"),
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    HOSTNAME: host,
    PUBLIC_URL: publicUrl,
    DATABASE_URL: databaseUrl,
    SANDBOX_PREPARE_IN_SERVER: "1",
    SANDBOX_APP_DIR: root,
  },
});
let stopping = false;
for (const name of ["SIGINT", "SIGTERM"]) {
  process.on(name, () => {
    stopping = true;
    server.kill(name);
  });
}
// `npx` runs this through a shell that does not pass a SIGTERM on: when whoever started it is gone, stop too.
const parent = process.ppid;
// (Windows does not re-parent orphans: there, stop it with Ctrl+C or by ending its process tree.)
setInterval(() => {
  if (process.ppid !== parent) {
    stopping = true;
    server.kill("SIGTERM");
  }
}, 1000).unref();
// A stop we asked for is a clean exit; a server killed by anything else (OOM killer, SIGKILL) is a failure.
server.on("exit", (code, signal) => process.exit(code ?? (signal && stopping ? 0 : 1)));
