// `npm run bench`: benchmarks on a private, freshly migrated and seeded database (data/bench.db).
// Prints medians and p99s; run it on a quiet machine and compare ratios rather than absolute numbers.
// The load tests need a production build (`npm run build`) and only talk to localhost.
import "./quiet-logs";
import { rmSync } from "node:fs";
import { prepareDatabase } from "../lib/db/prepare-database";
import { benchTrustEvaluation } from "./trust-evaluation";
import { benchHttpEndpoints } from "./http-endpoints";
import { benchActivityPage } from "./activity-page";
import { benchPostgresqlInstances } from "./postgresql-instances";

const DATABASE = "data/bench.db";

async function main() {
  rmSync(DATABASE, { force: true });
  const databaseUrl = `file:./${DATABASE}`;
  await prepareDatabase({ databaseUrl, publicUrl: "http://localhost:3200" });
  console.log("evaluateTrust (milliseconds):");
  console.table(await benchTrustEvaluation());
  const token = await benchHttpEndpoints(databaseUrl);
  console.log("HTTP endpoints against next start, 10 connections (latency in milliseconds):");
  console.table(token.results);
  console.log("QA kit paths against next start (milliseconds):");
  console.table(token.qaKit);
  console.log(`server peak resident memory: ${token.peakRssMiB} MiB`);
  const activity = await benchActivityPage(databaseUrl);
  console.log(`console activity page with ${activity.events.toLocaleString("en-US")} events (loaded in ${activity.loadSeconds} s), milliseconds:`);
  console.table(activity.pages);
  console.log("refresh (trust comparison, openid) on PostgreSQL, requests/s:");
  console.log(await benchPostgresqlInstances());
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
