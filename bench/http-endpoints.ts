// HTTP endpoints under load against `next start`: code exchange, refresh with the trust comparison (offline_access)
// and without it (online_access, not checked by default), an Observation search, and the server's peak RSS.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { benchQaKit } from "./qa-kit";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const ORIGIN = `http://localhost:${PORT}`;

interface LoadResult {
  name: string;
  requests: number;
  p50: number;
  p99: number;
  perSecond: number;
  non2xx: number;
}

function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function load(name: string, options: autocannon.Options): Promise<LoadResult> {
  const result = await autocannon({ connections: 10, ...options });
  return { name, requests: result.requests.total, p50: result.latency.p50, p99: result.latency.p99, perSecond: Math.round(result.requests.average), non2xx: result.non2xx };
}

export async function benchHttpEndpoints(databaseUrl: string) {
  process.env.PUBLIC_URL = ORIGIN;
  const { db } = await import("../lib/db/client");
  const { newApp, approvedCode, tokensFor, REDIRECT_URI, TENANT } = await import("../test/oauth-fixtures");
  const offlineApp = await newApp();
  const onlineScope = "launch/patient online_access patient/Patient.read";
  const onlineApp = await newApp({ scope: onlineScope });
  const codes: { code: string; verifier: string }[] = [];
  for (let i = 0; i < 400; i++) codes.push(await approvedCode(offlineApp.client_id));
  const offline = await tokensFor(offlineApp.client_id);
  const reader = await tokensFor(offlineApp.client_id, { personId: "person-samuel-okafor", patientId: "samuel-okafor" });
  const online = await tokensFor(onlineApp.client_id, { scope: onlineScope });
  await db.$disconnect();

  const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(PORT)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PUBLIC_URL: ORIGIN, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    let healthy = false;
    for (let i = 0; i < 120 && !healthy; i++) {
      healthy = await fetch(`${ORIGIN}/api/health`).then((r) => r.ok, () => false);
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (!healthy) throw new Error(`next start did not become healthy on ${ORIGIN}`);
    const tokenUrl = `${ORIGIN}/tenants/${TENANT}/protocols/oauth2/profiles/smart-v1/token`;
    const form = (fields: Record<string, string>) => ({ method: "POST" as const, headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() });
    // Warm up the routes once so compilation of lazy chunks is not measured.
    await fetch(tokenUrl, form({ grant_type: "refresh_token", refresh_token: offline.refresh_token, client_id: offlineApp.client_id }));
    await fetch(tokenUrl, form({ grant_type: "refresh_token", refresh_token: online.refresh_token, client_id: onlineApp.client_id }));

    let next = 0;
    const exchange = await load("code exchange (authorization_code)", {
      url: tokenUrl,
      amount: codes.length,
      requests: [
        {
          setupRequest: (request) => {
            const { code, verifier } = codes[next++ % codes.length];
            return { ...request, ...form({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier, client_id: offlineApp.client_id }) };
          },
        },
      ],
    });
    const refreshChecked = await load("refresh with trust comparison (offline_access)", {
      url: tokenUrl,
      duration: 10,
      ...form({ grant_type: "refresh_token", refresh_token: offline.refresh_token, client_id: offlineApp.client_id }),
    });
    const refreshUnchecked = await load("refresh without trust comparison (online_access)", {
      url: tokenUrl,
      duration: 10,
      ...form({ grant_type: "refresh_token", refresh_token: online.refresh_token, client_id: onlineApp.client_id }),
    });
    const observations = await load("Observation search, one patient (GET /r4/{t}/Observation?patient=…)", {
      url: `${ORIGIN}/r4/${TENANT}/Observation?patient=samuel-okafor&category=vital-signs&_count=50`,
      duration: 10,
      headers: { authorization: `Bearer ${reader.access_token}` },
    });
    const qaKit = await benchQaKit(ORIGIN);
    return { results: [exchange, refreshChecked, refreshUnchecked, observations], qaKit, peakRssMiB: peakRssMiB(server.pid!) };
  } finally {
    server.kill("SIGTERM");
  }
}
