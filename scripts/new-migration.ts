// `npm run db:migration -- <name> [--from <git-rev>]`: writes the SQL that turns the schema as committed at
// <git-rev> (default HEAD) into prisma/schema.prisma, for both databases:
//   prisma/migrations/<timestamp>_<name>/migration.sql        (SQLite, applied by Prisma's migrate deploy)
//   prisma/postgresql/migrations/<NNN>.do.<name>.sql          (PostgreSQL, applied by postgrator)
// Prisma's `migrate dev` needs a shadow database that the offline JS engine cannot provide; `migrate diff` needs none.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { postgresqlSchemaText, writePostgresqlSchema, POSTGRESQL_SCHEMA } from "./postgresql-schema";

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
const scratch = mkdtempSync(path.join(os.tmpdir(), "schema-"));
const oldSqlite = path.join(scratch, "schema.prisma");
const oldPostgresql = path.join(scratch, "schema.postgresql.prisma");
const committed = execFileSync("git", ["show", `${rev}:prisma/schema.prisma`], { encoding: "utf8" });
writeFileSync(oldSqlite, committed);
writeFileSync(oldPostgresql, postgresqlSchemaText(committed));
writePostgresqlSchema();

const diff = (from: string, to: string) =>
  execFileSync(
    process.execPath,
    ["node_modules/prisma/build/index.js", "migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"],
    { encoding: "utf8" },
  );
const sqlite = diff(oldSqlite, path.join("prisma", "schema.prisma"));
if (!sqlite.replace(/--.*$/gm, "").trim()) {
  console.error(`prisma/schema.prisma has no changes since ${rev}: no migration written`);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, "migration.sql"), sqlite);

const postgresqlFolder = path.join("prisma", "postgresql", "migrations");
const versions = readdirSync(postgresqlFolder)
  .map((file) => Number(file.split(".")[0]))
  .filter(Number.isFinite);
const postgresqlFile = path.join(postgresqlFolder, `${String(Math.max(0, ...versions) + 1).padStart(3, "0")}.do.${name}.sql`);
writeFileSync(postgresqlFile, diff(oldPostgresql, POSTGRESQL_SCHEMA));
console.log(
  `wrote ${folder}/migration.sql and ${postgresqlFile} — applied on the next npm start / npm test; move data between tables by hand-editing both`,
);
