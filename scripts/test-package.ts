// `npm run test:package`: plays someone who never cloned this repository. Packs the runnable package, installs the
// tarball into an empty folder (offline from the npm cache when it can), runs `npx smart-trust-sandbox` there,
// reads health, discovery, the landing page and the JWKS, stops it and starts it again on the same data directory
// (the same keys: data kept). Also: --help, --version, a port in use and an unusable data directory.
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { npmCli } from "./npm-cli";

const ROOT = process.cwd();
const TENANT = "d1f6e9a2-5c3b-4e8f-a7d0-3b2c1e0f9a84";
const version = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version as string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The environment of someone else's machine: none of this repository's settings. */
function outsideEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ["PORT", "PUBLIC_URL", "DATABASE_URL", "SANDBOX_DATA_DIR", "SANDBOX_ADMIN_PASSWORD"]) delete env[name];
  return env;
}

const NPX_ARGS = (args: string[]) => [npmCli("npx-cli.js"), "--no-install", "smart-trust-sandbox", ...args];

/** Runs the sandbox; its output is kept, and printed when it fails. */
function npx(cwd: string, args: string[]): ChildProcess & { output: string[] } {
  // Its own process group, stopped as a whole the way Playwright stops a webServer.
  const child = Object.assign(
    spawn(process.execPath, NPX_ARGS(args), {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: outsideEnvironment(),
      detached: process.platform !== "win32",
    }),
    { output: [] as string[] },
  );
  for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk: Buffer) => child.output.push(chunk.toString()));
  return child;
}

function npxSync(cwd: string, args: string[]) {
  return spawnSync(process.execPath, NPX_ARGS(args), { cwd, encoding: "utf8", env: outsideEnvironment() });
}

async function firstOk(url: string, child: ChildProcess & { output: string[] }, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (exited(child)) throw new Error(`the sandbox exited with ${child.exitCode} before answering:\n${child.output.join("")}`);
    try {
      if ((await fetch(url)).status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs / 1000} s`);
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (exited(child)) return resolve();
    child.once("exit", () => resolve());
    try {
      if (process.platform !== "win32" && child.pid) process.kill(-child.pid, "SIGTERM");
      else child.kill("SIGTERM");
    } catch {
      resolve(); // already gone
    }
  });
}

/** After a stop, nothing may still listen: a restart must not be answered by the old server. */
async function portClosed(port: number, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (!open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`port ${port} still answers ${timeoutMs / 1000} s after the sandbox was stopped`);
}

async function main(): Promise<void> {
  console.log("test:package: npm run package");
  const packed = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "package.ts")], {
    cwd: ROOT,
    stdio: "inherit",
  });
  assert.equal(packed.status, 0, "npm run package failed");
  const tarball = path.join(ROOT, "dist", `smart-trust-sandbox-${version}.tgz`);

  const work = mkdtempSync(path.join(tmpdir(), "sts-package-"));
  const children: ChildProcess[] = [];
  try {
    writeFileSync(path.join(work, "package.json"), '{ "name": "outside-project", "private": true }\n');
    const install = (mode: string) => {
      const started = Date.now();
      const result = spawnSync(process.execPath, [npmCli("npm-cli.js"), "install", mode, "--no-audit", "--no-fund", tarball], {
        cwd: work,
        encoding: "utf8",
      });
      return { ok: result.status === 0, seconds: (Date.now() - started) / 1000, output: `${result.stdout}${result.stderr}` };
    };
    let installed = install("--offline");
    if (!installed.ok) {
      console.log("test:package: not everything is in the npm cache; installing with --prefer-offline");
      installed = install("--prefer-offline");
    }
    assert.ok(installed.ok, `npm install of the tarball failed:\n${installed.output}`);
    console.log(`test:package: installed in ${installed.seconds.toFixed(1)} s`);

    const help = npxSync(work, ["--help"]);
    assert.equal(help.status, 0);
    for (const option of ["--port", "--host", "--data-dir", "--public-url", "--version", "DATABASE_URL", "SANDBOX_ADMIN_PASSWORD"])
      assert.ok(help.stdout.includes(option), `--help lists ${option}`);
    assert.equal(npxSync(work, ["--version"]).stdout.trim(), version);

    const port = await freePort();
    const dataDir = path.join(work, "data");
    const base = `http://localhost:${port}`;
    const first = npx(work, ["--port", String(port), "--data-dir", dataDir]);
    children.push(first);
    const firstMs = await firstOk(`${base}/api/health`, first);
    const health = await (await fetch(`${base}/api/health`)).json();
    assert.equal(health.database.kind, "sqlite");
    assert.ok(statSync(path.join(dataDir, "sandbox.db")).size > 0, "the database lives in the data directory");
    const discovery = await (await fetch(`${base}/r4/${TENANT}/.well-known/smart-configuration`)).json();
    assert.match(discovery.token_endpoint, new RegExp(`^${base}/tenants/${TENANT}/`));
    const landing = await fetch(`${base}/`);
    assert.equal(landing.status, 200);
    assert.ok((await landing.text()).includes("SMART Trust Sandbox"));
    const login = await fetch(`${base}/tenants/${TENANT}/personas/patient/login`);
    assert.equal(login.status, 200);
    // proxy.ts rewrites a damaged path to its 400 handler: in a standalone server that must still answer, not fail.
    const damaged = await fetch(`${base}/r4/${TENANT}/Patient/%E0%A4%A`);
    assert.equal(damaged.status, 400, "a damaged path is a 400 OperationOutcome");
    assert.equal((await damaged.json()).resourceType, "OperationOutcome");
    const errorJson = await fetch(
      `${base}/errors/urn%3Asmart-trust-sandbox%3Aerror%3Aoauth2%3Agrant%3Asuspended/instances/00000000-0000-0000-0000-000000000000`,
      { headers: { accept: "application/json" } },
    );
    assert.equal(errorJson.status, 404, "an error_uri asked for as JSON answers JSON");
    assert.equal((await errorJson.json()).error, "not_found");
    const keys = await (await fetch(`${base}/tenants/${TENANT}/protocols/oauth2/profiles/smart-v1/jwk`)).json();
    assert.ok(keys.keys.length > 0);

    const busy = npxSync(work, ["--port", String(port), "--data-dir", dataDir]);
    assert.equal(busy.status, 1, "a port in use is an error");
    assert.match(busy.stderr.trim(), /^smart-trust-sandbox: port \d+ is already in use; choose another with --port$/);
    await stop(first);
    await portClosed(port);

    const notAFolder = path.join(work, "a-file");
    writeFileSync(notAFolder, "");
    const unusable = npxSync(work, ["--port", String(port), "--data-dir", path.join(notAFolder, "data")]);
    assert.equal(unusable.status, 1, "an unusable data directory is an error");
    assert.match(unusable.stderr.trim(), /^smart-trust-sandbox: cannot use the data directory .+$/);

    const second = npx(work, ["--port", String(port), "--data-dir", dataDir]);
    children.push(second);
    const secondMs = await firstOk(`${base}/api/health`, second);
    const keysAgain = await (await fetch(`${base}/tenants/${TENANT}/protocols/oauth2/profiles/smart-v1/jwk`)).json();
    assert.deepEqual(keysAgain, keys, "the second start on the same data directory keeps the data (same signing keys)");
    assert.ok(!exited(second), "the second start is the one answering");
    await stop(second);
    await portClosed(port);
    console.log(
      `test:package: passed — first 200 after ${(firstMs / 1000).toFixed(1)} s (new database), ${(secondMs / 1000).toFixed(1)} s on restart`,
    );
  } finally {
    await Promise.all(children.map(stop));
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`test:package: FAILED — ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
