// Whether a SQLite database already has every migration in prisma/migrations applied, unchanged: then a start
// need not open it for writing at all. Prisma records each applied migration in _prisma_migrations with the
// SHA-256 of its migration.sql; anything else (a new, failed, rolled-back or edited migration, no database yet, a
// table this code does not know) answers false, and the migrator (migrate-sqlite.ts) decides and reports.
import { existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrationsIn, recordedMigrations } from "./migrate-sqlite";

export function sqliteMigrationsApplied(file: string, folder = path.resolve("prisma", "migrations")): boolean {
  if (!existsSync(file)) return false;
  try {
    const expected = migrationsIn(folder);
    const database = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const { applied, failed } = recordedMigrations(database);
      return (
        !failed && applied.size === expected.length && expected.every((migration) => applied.get(migration.name) === migration.checksum)
      );
    } finally {
      database.close();
    }
  } catch {
    return false;
  }
}
