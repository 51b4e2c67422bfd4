// The in-process SQLite migrator agrees with Prisma: the same migrations, recorded in Prisma's own table so that
// the Prisma CLI itself calls the database up to date; an edited or failing migration changes nothing.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrateSqlite, MigrationFailed, migrationsIn } from "./migrate-sqlite";
import { sqliteMigrationsApplied } from "./migrations-applied";

const run = promisify(execFile);
const work = mkdtempSync(path.join(tmpdir(), "sts-migrate-"));
const MIGRATIONS = path.resolve("prisma", "migrations");

describe("migrateSqlite", () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("applies every migration once, in Prisma's own record format, and the Prisma CLI agrees it is up to date", async () => {
    const file = path.join(work, "fresh.db");
    expect(migrateSqlite(file, MIGRATIONS)).toEqual(migrationsIn(MIGRATIONS).map((migration) => migration.name));
    expect(migrateSqlite(file, MIGRATIONS)).toEqual([]);
    expect(sqliteMigrationsApplied(file, MIGRATIONS)).toBe(true);
    const database = new Database(file, { readonly: true });
    const row = database.prepare("SELECT * FROM _prisma_migrations ORDER BY migration_name LIMIT 1").get() as Record<string, unknown>;
    expect(row).toMatchObject({ applied_steps_count: 1, logs: null, rolled_back_at: null });
    expect(row.finished_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    expect(database.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'Grant'").get()).toEqual({ n: 1 });
    database.close();

    const status = await run(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "status"], {
      env: { ...process.env, DATABASE_URL: `file:${file}`, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
    expect(status.stdout).toContain("Database schema is up to date");
  }, 60_000);

  it("refuses a database whose applied migration was edited afterwards", () => {
    const folder = path.join(work, "edited");
    cpSync(MIGRATIONS, folder, { recursive: true });
    const file = path.join(work, "edited.db");
    migrateSqlite(file, folder);
    const first = migrationsIn(folder)[0].name;
    writeFileSync(path.join(folder, first, "migration.sql"), "-- edited\n", { flag: "a" });
    expect(() => migrateSqlite(file, folder)).toThrow(MigrationFailed);
    expect(() => migrateSqlite(file, folder)).toThrow(`the migration ${first} was changed after it was applied`);
  });

  it("leaves nothing behind when a migration fails half-way", () => {
    const folder = path.join(work, "failing");
    cpSync(MIGRATIONS, folder, { recursive: true });
    const file = path.join(work, "failing.db");
    migrateSqlite(file, folder);
    cpSync(path.join(folder, migrationsIn(folder)[0].name), path.join(folder, "29991231000000_broken"), { recursive: true });
    writeFileSync(path.join(folder, "29991231000000_broken", "migration.sql"), 'CREATE TABLE "HalfDone" ("id" TEXT);\nTHIS IS NOT SQL;\n');
    expect(() => migrateSqlite(file, folder)).toThrow(MigrationFailed);
    const database = new Database(file, { readonly: true });
    expect(database.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'HalfDone'").get()).toEqual({ n: 0 });
    expect(database.prepare("SELECT count(*) AS n FROM _prisma_migrations WHERE migration_name = '29991231000000_broken'").get()).toEqual({
      n: 0,
    });
    database.close();
  });
});
