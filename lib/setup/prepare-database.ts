// Brings a database up to date before the server starts. SQLite: creates the file's folder and applies the
// migrations in prisma/migrations in this process (lib/db/migrate-sqlite.ts, Prisma's own record format). PostgreSQL: applies
// prisma/postgresql/migrations (lib/db/migrate-postgresql.ts). Then seeds and creates keys and secrets.
// Used by `npm start`, the e2e global setup and the unit-test setup, so they all run the real migrations.
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { ConfigurationError, databaseKind, redactUrl, sqliteFilePath } from "../config/environment";
import { migrateSqlite } from "../db/migrate-sqlite";
import { sqliteMigrationsApplied } from "../db/migrations-applied";

export async function migrateDatabase(databaseUrl: string): Promise<void> {
  // Imported only for PostgreSQL: pg and postgrator take ~0.2 s to load and SQLite never needs them.
  if (databaseKind(databaseUrl) === "postgresql") return (await import("../db/migrate-postgresql")).migratePostgresql(databaseUrl);
  const file = sqliteFilePath(databaseUrl);
  const folder = path.dirname(file);
  try {
    if (!existsSync(folder)) mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new ConfigurationError(`cannot create the database folder ${folder}: ${(error as Error).message}`);
  }
  if (!statSync(folder).isDirectory()) throw new ConfigurationError(`cannot create the database: ${folder} is not a folder`);
  // A deleted database must not inherit the write-ahead log of the one it replaces.
  if (!existsSync(file)) for (const suffix of ["-wal", "-shm"]) rmSync(file + suffix, { force: true });
  if (sqliteMigrationsApplied(file, migrationsFolder())) return;
  try {
    migrateSqlite(file, migrationsFolder());
  } catch (error) {
    throw new ConfigurationError(`cannot open or migrate the database ${redactUrl(databaseUrl)}: ${(error as Error).message}`);
  }
}

/** prisma/migrations of the app: next to the working directory, or of the installed package (SANDBOX_APP_DIR). */
export function migrationsFolder(): string {
  return path.resolve(process.env.SANDBOX_APP_DIR ?? ".", "prisma", "migrations");
}

/** Migrate, then seed through the app's own client (imported late so DATABASE_URL is already set). */
export async function prepareDatabase(options: { databaseUrl: string; publicUrl: string }): Promise<void> {
  process.env.DATABASE_URL = options.databaseUrl;
  await migrateDatabase(options.databaseUrl);
  const { db } = await import("../db/client");
  // Write-ahead logging: readers never wait for the writer and commits are far cheaper. Stored in the file.
  if (databaseKind(options.databaseUrl) === "sqlite") await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  const { seedSandbox } = await import("../seed/seed-sandbox");
  const { ensureSecret, SECRET_NAMES } = await import("../secrets/sandbox-secrets");
  // The X.509 and JOSE libraries take ~0.4 s to load; on a start after the first, nothing needs them.
  const { AUTHORITY_IDS } = await import("../trust/authority-ids");
  const { SIGNING_ALGORITHMS } = await import("../keys/signing-algorithms");
  const [authorities, keys] = await Promise.all([db.certificateAuthority.count(), db.signingKey.count()]);
  if (authorities < AUTHORITY_IDS.length) await (await import("../trust/certificate-authorities")).ensureCertificateAuthorities(db);
  await seedSandbox(db, { publicUrl: options.publicUrl });
  if (keys < SIGNING_ALGORITHMS.length) await (await import("../keys/signing-keys")).ensureSigningKeys(db);
  for (const name of SECRET_NAMES) await ensureSecret(db, name);
}
