// `npm start` fails with one clear line (no stack trace) when it cannot serve, and prepares a fresh database.
import { execFile } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import net from "node:net";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { prepareDatabase } from "../lib/setup/prepare-database";

const run = promisify(execFile);

async function startWith(env: Record<string, string>) {
  try {
    await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: 0, stderr: "" };
  } catch (error) {
    const failure = error as { code: number; stderr: string };
    return { code: failure.code, stderr: failure.stderr };
  }
}

async function freePort(): Promise<number> {
  const probe = net.createServer().listen(0);
  await new Promise((resolve) => probe.once("listening", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("npm start", () => {
  it("exits 1 with one line when the port is in use", async () => {
    const blocker = net.createServer().listen(0);
    await new Promise((resolve) => blocker.once("listening", resolve));
    const { port } = blocker.address() as net.AddressInfo;
    const result = await startWith({ PORT: String(port) });
    blocker.close();
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`smart-trust-sandbox: port ${port} is already in use; set PORT to a free port`);
  });

  it("exits 1 with one line when DATABASE_URL cannot be opened", async () => {
    const result = await startWith({ PORT: String(await freePort()), DATABASE_URL: "file:./package.json/sandbox.db" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^smart-trust-sandbox: cannot (create|open)/);
  });

  it("exits 1 with one line for a database URL of a kind it does not speak", async () => {
    const result = await startWith({ PORT: String(await freePort()), DATABASE_URL: "mysql://user:pw@db.internal/sandbox" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^smart-trust-sandbox: DATABASE_URL must be a SQLite "file:" URL or a "postgresql:\/\/" URL.*user:\*\*\*@/,
    );
  });

  it("exits 1 with one line, password hidden, when the PostgreSQL server cannot be reached", async () => {
    const result = await startWith({ PORT: String(await freePort()), DATABASE_URL: "postgresql://user:pw@127.0.0.1:1/sandbox" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^smart-trust-sandbox: cannot connect to the database postgresql:\/\/user:\*\*\*@127\.0\.0\.1:1\/sandbox/,
    );
  });

  it("recreates a deleted database file on the next start", async () => {
    const file = "data/unit/recreated.db";
    rmSync(file, { force: true });
    await prepareDatabase({ databaseUrl: `file:./${file}`, publicUrl: "http://localhost:3999" });
    expect(existsSync(file)).toBe(true);
  });
});
