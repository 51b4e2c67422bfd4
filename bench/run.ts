// `npm run bench`: benchmarks on a private, freshly migrated and seeded database (data/bench.db).
// Prints medians and p99s; run it on a quiet machine and compare ratios rather than absolute numbers.
// The load tests need a production build (`npm run build`) and only talk to localhost.
import "./quiet-logs";
import { rmSync } from "node:fs";
import { prepareDatabase } from "../lib/setup/prepare-database";
import { benchTrustEvaluation } from "./trust-evaluation";
import { benchLiveProbe } from "./live-probe";
import { benchHttpEndpoints } from "./http-endpoints";
import { benchActivityPage } from "./activity-page";
import { benchPostgresqlInstances } from "./postgresql-instances";
import { benchStartUp } from "./start-up";

const DATABASE = "data/bench.db";
/** BENCH_ONLY=trust,probe,http,startup,activity,postgresql runs just those parts (all by default). */
const only = new Set((process.env.BENCH_ONLY ?? "trust,probe,http,startup,activity,postgresql").split(","));

async function main() {
  rmSync(DATABASE, { force: true });
  const databaseUrl = `file:./${DATABASE}`;
  await prepareDatabase({ databaseUrl, publicUrl: "http://localhost:3200" });
  if (only.has("trust")) {
    console.log("trust evaluation (milliseconds):");
    console.table(await benchTrustEvaluation());
  }
  if (only.has("probe")) {
    console.log("live probe (milliseconds):");
    console.table(await benchLiveProbe());
  }
  if (only.has("http")) await reportHttpEndpoints(databaseUrl);
  if (only.has("startup")) {
    const startUp = await benchStartUp(databaseUrl);
    console.log(
      `start-up (npm start's script on a built app, until /api/health answers): median ${startUp.medianMs} ms (${startUp.runsMs.join(", ")})`,
    );
  }
  if (only.has("activity")) {
    const activity = await benchActivityPage(databaseUrl);
    console.log(
      `console activity page with ${activity.events.toLocaleString("en-US")} events (loaded in ${activity.loadSeconds} s), milliseconds:`,
    );
    console.table(activity.pages);
  }
  if (only.has("postgresql")) {
    console.log("refresh (trust comparison, openid) on PostgreSQL, requests/s:");
    console.log(await benchPostgresqlInstances());
  }
  process.exit(0);
}

async function reportHttpEndpoints(databaseUrl: string) {
  const token = await benchHttpEndpoints(databaseUrl);
  console.log("token endpoint A/B against next start, 10 connections unless said, median of 3 rounds (latency in milliseconds):");
  console.table(token.table);
  console.log("once, 10 connections (latency in milliseconds):");
  console.table(token.once);
  console.log("QA kit paths against next start (milliseconds):");
  console.table(token.qaKit);
  console.log("pages, document time in Chromium (milliseconds):");
  console.table(token.pages);
  console.log(`server peak resident memory: ${token.peakRssMiB} MiB`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
