// `npm run db:generate` (and postinstall): the typed Prisma clients for both databases from the one schema.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { POSTGRESQL_SCHEMA, writePostgresqlSchema } from "./postgresql-schema";

const prisma = path.join("node_modules", "prisma", "build", "index.js");
writePostgresqlSchema();
for (const schema of [path.join("prisma", "schema.prisma"), POSTGRESQL_SCHEMA]) {
  execFileSync(process.execPath, [prisma, "generate", "--schema", schema], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
console.log("generated the Prisma clients for SQLite and PostgreSQL");
