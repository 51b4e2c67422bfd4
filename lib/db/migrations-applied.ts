// Whether a SQLite database already has every migration in prisma/migrations applied, unchanged: then
// `npm start` can skip `prisma migrate deploy`. Prisma records each applied migration in _prisma_migrations
// with the SHA-256 of its migration.sql; anything else (a new, failed, rolled-back or edited migration, no
// database yet, a table this code does not know) answers false, and Prisma's own deploy decides and reports.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export function sqliteMigrationsApplied(file: string, folder = path.resolve("prisma", "migrations")): boolean {
  if (!existsSync(file)) return false;
  try {
    const expected = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, "migration.sql")))
      .map((entry) => ({ name: entry.name, checksum: createHash("sha256").update(readFileSync(path.join(folder, entry.name, "migration.sql"))).digest("hex") }));
    const database = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const rows = database
        .prepare("SELECT migration_name AS name, checksum, finished_at AS finished, rolled_back_at AS rolledBack FROM _prisma_migrations")
        .all() as { name: string; checksum: string; finished: unknown; rolledBack: unknown }[];
      if (rows.some((row) => !row.finished && !row.rolledBack)) return false; // a failed migration: let Prisma report it
      const applied = new Map(rows.filter((row) => row.finished && !row.rolledBack).map((row) => [row.name, row.checksum]));
      return applied.size === expected.length && expected.every((migration) => applied.get(migration.name) === migration.checksum);
    } finally {
      database.close();
    }
  } catch {
    return false;
  }
}
