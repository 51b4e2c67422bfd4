// Start-up: from launching `npm start`'s script (node --import tsx scripts/start.ts) on an already built app and
// an existing database until /api/health answers 200. Median of 3.
import { spawn } from "node:child_process";

const PORT = Number(process.env.BENCH_PORT ?? 3200) + 6;

async function once(databaseUrl: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      PUBLIC_URL: `http://localhost:${PORT}`,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "silent",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
  try {
    for (;;) {
      if (
        await fetch(`http://localhost:${PORT}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return Math.round(performance.now() - started);
      if (performance.now() - started > 60_000) throw new Error("npm start did not answer within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

export async function benchStartUp(databaseUrl: string): Promise<{ runsMs: number[]; medianMs: number }> {
  const runsMs: number[] = [];
  for (let i = 0; i < 3; i++) runsMs.push(await once(databaseUrl));
  return { runsMs, medianMs: [...runsMs].sort((a, b) => a - b)[1] };
}
