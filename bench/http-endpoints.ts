// HTTP endpoints under load against `next start`, A/B alternated in one run and reported as the median of 3 rounds:
// our refresh with the trust comparison (with and without `openid`), our code exchange, a bare route handler in the
// same build (the framework floor: /api/framework-floor) and panva's oidc-provider answering the same refresh shape
// in its own process (bench/oidc-provider-server.ts) — each with req/s, p50, p99 and the ratio to the floor and to
// oidc-provider. Then one-connection p50, refresh without the trust comparison, an Observation search and peak RSS.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { benchPageTimes } from "./page-times";
import { benchQaKit } from "./qa-kit";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const ORIGIN = `http://localhost:${PORT}`;
const OIDC_PROVIDER_PORT = PORT + 5;
const ROUNDS = 3;
const SECONDS = 10;
const CODES_PER_ROUND = 300;

interface LoadResult {
  name: string;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function load(name: string, options: autocannon.Options): Promise<LoadResult> {
  const result = await autocannon({ connections: 10, ...options });
  return {
    name,
    perSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function medianOf(name: string, runs: LoadResult[]): LoadResult {
  return {
    name,
    perSecond: median(runs.map((r) => r.perSecond)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

const form = (fields: Record<string, string>) => ({
  method: "POST" as const,
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});

async function startOidcProvider(): Promise<{ process: ChildProcess; tokenUrl: string; refreshForm: Record<string, string> }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("bench/oidc-provider-server.ts"), String(OIDC_PROVIDER_PORT)], {
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "ignore"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`oidc-provider exited (${code}) before it was ready`)));
  });
  return { process: child, ...JSON.parse(line) };
}

async function waitHealthy(origin: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(`${origin}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not become healthy on ${origin}`);
}

export async function benchHttpEndpoints(databaseUrl: string) {
  process.env.PUBLIC_URL = ORIGIN;
  const { db } = await import("../lib/db/client");
  const { newApp, approvedCode, tokensFor, REDIRECT_URI, TENANT } = await import("../test/oauth-fixtures");
  const offlineApp = await newApp();
  const onlineScope = "launch/patient online_access patient/Patient.read";
  const noOpenidScope = "launch/patient offline_access patient/Patient.read";
  const onlineApp = await newApp({ scope: onlineScope });
  // Codes live a few minutes: each round approves its own just before it exchanges them (below).
  const approveCodes = async () => {
    const codes: { code: string; verifier: string }[] = [];
    for (let i = 0; i < CODES_PER_ROUND; i++) codes.push(await approvedCode(offlineApp.client_id));
    return codes;
  };
  const withOpenid = await tokensFor(offlineApp.client_id);
  const withoutOpenid = await tokensFor(offlineApp.client_id, { scope: noOpenidScope });
  const reader = await tokensFor(offlineApp.client_id, { personId: "person-samuel-okafor", patientId: "samuel-okafor" });
  const online = await tokensFor(onlineApp.client_id, { scope: onlineScope });
  const { frameworkEnvironment } = await import("../lib/secrets/sandbox-secrets");
  const framework = await frameworkEnvironment(db);
  await db.$disconnect();

  const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(PORT)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: ORIGIN,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "silent",
      SANDBOX_SWEEP_MINUTES: "0",
      SANDBOX_BENCH: "1",
      ...framework,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const oidcProvider = await startOidcProvider();
  try {
    await waitHealthy(ORIGIN);
    const tokenUrl = `${ORIGIN}/tenants/${TENANT}/protocols/oauth2/profiles/smart-v1/token`;
    const targets: { name: string; options: autocannon.Options }[] = [
      {
        name: "framework floor (bare route handler)",
        options: {
          url: `${ORIGIN}/api/framework-floor`,
          ...form({ grant_type: "refresh_token", refresh_token: withOpenid.refresh_token }),
        },
      },
      {
        name: "refresh, trust comparison + openid",
        options: {
          url: tokenUrl,
          ...form({ grant_type: "refresh_token", refresh_token: withOpenid.refresh_token, client_id: offlineApp.client_id }),
        },
      },
      {
        name: "refresh, trust comparison, no openid",
        options: {
          url: tokenUrl,
          ...form({ grant_type: "refresh_token", refresh_token: withoutOpenid.refresh_token, client_id: offlineApp.client_id }),
        },
      },
      { name: "oidc-provider refresh (same token shape)", options: { url: oidcProvider.tokenUrl, ...form(oidcProvider.refreshForm) } },
    ];
    // Warm every route once so lazy compilation and first-use caches are not measured.
    for (const target of targets)
      await fetch(target.options.url as string, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: target.options.body as string,
      });

    const runs = new Map<string, LoadResult[]>();
    const record = (result: LoadResult) => runs.set(result.name, [...(runs.get(result.name) ?? []), result]);
    const exchanges = (codes: { code: string; verifier: string }[]) => {
      let next = 0;
      return () => {
        const { code, verifier } = codes[next++];
        return form({
          grant_type: "authorization_code",
          code,
          redirect_uri: REDIRECT_URI,
          code_verifier: verifier,
          client_id: offlineApp.client_id,
        });
      };
    };
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of targets) record(await load(target.name, { duration: SECONDS, ...target.options }));
      const nextExchange = exchanges(await approveCodes());
      record(
        await load("code exchange (authorization_code)", {
          url: tokenUrl,
          amount: CODES_PER_ROUND,
          requests: [{ setupRequest: (request) => ({ ...request, ...nextExchange() }) }],
        }),
      );
      record(await load("refresh, trust comparison + openid, 1 connection", { ...targets[1].options, connections: 1, duration: 5 }));
    }
    const results = [...runs].map(([name, list]) => medianOf(name, list));
    const byName = (name: string) => results.find((result) => result.name === name)!;
    const floor = byName(targets[0].name).perSecond;
    const oidc = byName(targets[3].name).perSecond;
    const table = results.map((result) => ({
      ...result,
      "× floor": round2(result.perSecond / floor),
      "× oidc-provider": round2(result.perSecond / oidc),
    }));

    // What keeping the Raw HTTP exchanges costs the hot path: the same refresh with the tenant's setting off.
    const keepExchanges = (on: boolean) =>
      fetch(`${ORIGIN}/api/sandbox/tenants/${TENANT}/settings`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ recordHttpExchanges: on }),
      });
    await keepExchanges(false);
    const withoutExchanges = await load("refresh, trust comparison + openid, exchanges not kept", {
      duration: SECONDS,
      ...targets[1].options,
    });
    await keepExchanges(true);
    const once = [
      withoutExchanges,
      await load("refresh without trust comparison (online_access)", {
        url: tokenUrl,
        duration: SECONDS,
        ...form({ grant_type: "refresh_token", refresh_token: online.refresh_token, client_id: onlineApp.client_id }),
      }),
      await load("Observation search, one patient", {
        url: `${ORIGIN}/r4/${TENANT}/Observation?patient=samuel-okafor&category=vital-signs&_count=50`,
        duration: SECONDS,
        headers: { authorization: `Bearer ${reader.access_token}` },
      }),
    ];
    const qaKit = await benchQaKit(ORIGIN);
    const pages = await benchPageTimes(ORIGIN).catch((error: Error) => [
      { page: "(failed)", medianMs: NaN, maxMs: NaN, error: error.message.split("\n")[0] },
    ]);
    return { table, once, qaKit, pages, peakRssMiB: peakRssMiB(server.pid!) };
  } finally {
    server.kill("SIGTERM");
    oidcProvider.process.kill("SIGTERM");
  }
}

const round2 = (value: number) => Math.round(value * 100) / 100;
