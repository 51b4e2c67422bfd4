// Applies prisma/migrations to a SQLite database in this process, recording each in Prisma's own
// `_prisma_migrations` table exactly as `prisma migrate deploy` does (SHA-256 of migration.sql, timestamps,
// one step), so the Prisma CLI and this migrator agree about what is applied. No second Node process (the CLI
// costs ~2.4 s) and no Prisma engine download: the runnable package has neither.
// Each migration runs in one transaction with foreign keys checked at the end, so a failure leaves nothing half-done.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export class MigrationFailed extends Error {
  override name = "MigrationFailed";
}

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsIn(folder: string): Migration[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(folder, name, "migration.sql"));
      return { name, sql: sql.toString("utf8"), checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** What `_prisma_migrations` records: applied migrations by name (with their checksum), and one that failed, if any. */
export function recordedMigrations(database: Database.Database): { applied: Map<string, string>; failed: string | null } {
  const rows = database
    .prepare("SELECT migration_name AS name, checksum, finished_at AS finished, rolled_back_at AS rolledBack FROM _prisma_migrations")
    .all() as {
    name: string;
    checksum: string;
    finished: unknown;
    rolledBack: unknown;
  }[];
  return {
    applied: new Map(rows.filter((row) => row.finished && !row.rolledBack).map((row) => [row.name, row.checksum])),
    failed: rows.find((row) => !row.finished && !row.rolledBack)?.name ?? null,
  };
}

/** Prisma's timestamp format in this table: `2026-11-29T18:37:19.500+00:00`. */
const prismaTime = (at: Date) => at.toISOString().replace("Z", "+00:00");

/** Applies every migration not yet recorded; answers the names it applied. */
export function migrateSqlite(file: string, folder: string): string[] {
  const database = new Database(file);
  try {
    database.pragma("foreign_keys = OFF"); // table redefinitions copy rows first; checked before each commit
    database.exec(MIGRATIONS_TABLE);
    const { applied, failed } = recordedMigrations(database);
    if (failed)
      throw new MigrationFailed(
        `the migration ${failed} failed earlier and was never resolved; restore a backup or start with a new database file`,
      );
    const done: string[] = [];
    for (const migration of migrationsIn(folder)) {
      const checksum = applied.get(migration.name);
      if (checksum === migration.checksum) continue;
      if (checksum) throw new MigrationFailed(`the migration ${migration.name} was changed after it was applied to this database`);
      const startedAt = new Date();
      database.transaction(() => {
        database.exec(migration.sql);
        const violations = database.pragma("foreign_key_check") as unknown[];
        if (violations.length)
          throw new MigrationFailed(`the migration ${migration.name} leaves ${violations.length} rows with a broken reference`);
        database
          .prepare(
            "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)",
          )
          .run(randomUUID(), migration.checksum, prismaTime(new Date()), migration.name, prismaTime(startedAt));
      })();
      done.push(migration.name);
    }
    return done;
  } catch (error) {
    if (error instanceof MigrationFailed) throw error;
    throw new MigrationFailed((error as Error).message);
  } finally {
    database.close();
  }
}
