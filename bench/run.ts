// `npm run bench`: benchmarks on a private, freshly migrated and seeded database (data/bench.db).
// Prints medians and p99s; run it on a quiet machine and compare ratios rather than absolute numbers.
import { rmSync } from "node:fs";
import { prepareDatabase } from "../lib/db/prepare-database";
import { benchTrustEvaluation } from "./trust-evaluation";

const DATABASE = "data/bench.db";

async function main() {
  rmSync(DATABASE, { force: true });
  await prepareDatabase({ databaseUrl: `file:./${DATABASE}`, publicUrl: "http://localhost:3999" });
  const results = [...(await benchTrustEvaluation())];
  console.table(results);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
