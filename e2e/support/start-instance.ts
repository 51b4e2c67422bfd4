// Starts another `next start` of the same production build (another port, its own environment) and waits for its
// health check: for tests that play a second instance, a differently configured deployment, or an operator.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { E2E_DATABASE_URL } from "./e2e-environment";

export interface Instance {
  origin: string;
  process: ChildProcess;
  /** Resolves with the time the process exited. */
  exited: Promise<number>;
  stop(signal?: NodeJS.Signals): void;
}

export async function startInstance(port: number, env: Record<string, string> = {}): Promise<Instance> {
  const origin = `http://localhost:${port}`;
  const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: E2E_DATABASE_URL,
      PUBLIC_URL: origin,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: "ignore",
  });
  const exited = new Promise<number>((resolve) => child.once("exit", () => resolve(Date.now())));
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${origin}/api/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return { origin, process: child, exited, stop: (signal = "SIGTERM") => child.kill(signal) };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`the instance on ${origin} did not become healthy`);
}
