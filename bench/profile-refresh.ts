// `npm run bench:profile`: where a refresh's time goes. Starts `next start` under `node --cpu-prof` on the bench
// database (run `npm run bench` once first: it builds and seeds it), loads the refresh with the trust comparison and
// `openid` for 10 s at 10 connections, stops the server and prints its busy time by package and by function.
// The raw profile stays in bench/results/ for Chrome DevTools or speedscope.
import "./quiet-logs";
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";

const PORT = Number(process.env.BENCH_PORT ?? 3200) + 7;
const ORIGIN = `http://localhost:${PORT}`;
const DATABASE_URL = "file:./data/bench.db";
const RESULTS = path.resolve("bench", "results");

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

/** Self time in milliseconds by package (node_modules name, or our file) and by function. */
function summarize(file: string) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, index) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, micros: number) => map.set(key, (map.get(key) ?? 0) + micros);
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id) ?? 0;
    const url = node.callFrame.url;
    const modules = url.lastIndexOf("node_modules/");
    const owner =
      modules >= 0
        ? url
            .slice(modules + 13)
            .split("/")
            .slice(0, url.slice(modules + 13).startsWith("@") ? 2 : 1)
            .join("/")
        : url
          ? path.basename(url)
          : node.callFrame.functionName || "(native)";
    add(byPackage, owner, micros);
    add(byFunction, `${node.callFrame.functionName || "(anonymous)"} ${url ? path.basename(url) : ""}`.trim(), micros);
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => ({ name, ms: Math.round(micros / 1000) }));
  return { byPackage: top(byPackage, 15), byFunction: top(byFunction, 20) };
}

async function main() {
  process.env.DATABASE_URL = DATABASE_URL;
  process.env.PUBLIC_URL = ORIGIN;
  const { newApp, tokensFor, TENANT } = await import("../test/oauth-fixtures");
  const { frameworkEnvironment } = await import("../lib/secrets/sandbox-secrets");
  const { db } = await import("../lib/db/client");
  const app = await newApp();
  const tokens = await tokensFor(app.client_id);
  const framework = await frameworkEnvironment(db);
  await db.$disconnect();

  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
  const server = spawn(
    process.execPath,
    ["--cpu-prof", `--cpu-prof-dir=${RESULTS}`, path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(PORT)],
    {
      env: {
        ...process.env,
        ...framework,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "silent",
        SANDBOX_SWEEP_MINUTES: "0",
      },
      stdio: "ignore",
    },
  );
  for (
    let i = 0;
    !(await fetch(`${ORIGIN}/api/health`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  ) {
    if (i > 240) throw new Error("next start did not answer");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const body = new URLSearchParams({
    grant_type: "refresh_token",
    refresh_token: tokens.refresh_token,
    client_id: app.client_id,
  }).toString();
  const url = `${ORIGIN}/tenants/${TENANT}/protocols/oauth2/profiles/smart-v1/token`;
  await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
  const load = await autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
    connections: 10,
    duration: 10,
  });
  // SIGINT lets node write the profile on the way out.
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGINT");
  await exited;
  const file = readdirSync(RESULTS).find((name) => name.endsWith(".cpuprofile"));
  if (!file) throw new Error("no profile was written");
  console.log(
    `refresh with the trust comparison and openid: ${Math.round(load.requests.average)} requests/s, ${load.requests.total} requests, non-2xx ${load.non2xx}`,
  );
  const summary = summarize(path.join(RESULTS, file));
  console.log("server self time by package (ms, includes idle):");
  console.table(summary.byPackage);
  console.log("by function (ms):");
  console.table(summary.byFunction);
  console.log(`profile: bench/results/${file}`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
