// The PostgreSQL schema is derived from prisma/schema.prisma (the one source of truth): same models, another
// provider and client output. Written by `npm run db:generate` (also on install) and by `npm run db:migration`.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

export const POSTGRESQL_SCHEMA = path.join("prisma", "postgresql", "schema.prisma");

export function postgresqlSchemaText(sqliteSchema: string): string {
  const text = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/lib\/db\/generated"/, 'output       = "../../lib/db/generated-postgresql"')
    // The Kysely row types come from the SQLite schema only: one set of types, decoded for both databases.
    .replace(/\/\/\/[^\n]*\ngenerator kysely \{[^}]*\}\n\n/, "");
  if (!text.includes('provider = "postgresql"') || !text.includes("generated-postgresql"))
    throw new Error("prisma/schema.prisma no longer has the provider/output lines this script rewrites");
  if (text.includes("prisma-kysely"))
    throw new Error("prisma/schema.prisma's kysely generator block no longer matches what this script removes");
  return `// GENERATED from prisma/schema.prisma by scripts/postgresql-schema.ts — edit that file, not this one.\n${text}`;
}

export function writePostgresqlSchema(from = path.join("prisma", "schema.prisma"), to = POSTGRESQL_SCHEMA): void {
  mkdirSync(path.dirname(to), { recursive: true });
  writeFileSync(to, postgresqlSchemaText(readFileSync(from, "utf8")));
}
