// `npm run db:migration -- <name> [--from <git-rev>]`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that turns the schema as committed at <git-rev> (default HEAD) into prisma/schema.prisma.
// Prisma's `migrate dev` needs a shadow database that the offline JS engine cannot provide; this diff needs none.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const name = args.find((arg) => !arg.startsWith("--") && args[args.indexOf(arg) - 1] !== "--from");
const fromIndex = args.indexOf("--from");
const rev = fromIndex >= 0 ? args[fromIndex + 1] : "HEAD";
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name_in_snake_case> [--from <git-rev>]");
  process.exit(1);
}

// The CLI opens the configured SQLite file through its adapter even for a diff; make sure its folder exists.
mkdirSync("data", { recursive: true });
const oldSchema = path.join(mkdtempSync(path.join(os.tmpdir(), "schema-")), "schema.prisma");
writeFileSync(oldSchema, execFileSync("git", ["show", `${rev}:prisma/schema.prisma`]));
const sql = execFileSync(
  process.execPath,
  ["node_modules/prisma/build/index.js", "migrate", "diff", "--from-schema-datamodel", oldSchema, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8" },
);
if (!sql.replace(/--.*$/gm, "").trim()) {
  console.error(`prisma/schema.prisma has no changes since ${rev}: no migration written`);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, "migration.sql"), sql);
console.log(`wrote ${folder}/migration.sql — it is applied on the next npm start / npm test`);
