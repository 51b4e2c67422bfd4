// Brings a database up to date before the server starts. SQLite: creates the file's folder and applies the
// migrations in prisma/migrations with Prisma's own `migrate deploy`. PostgreSQL: applies
// prisma/postgresql/migrations (lib/db/migrate-postgresql.ts). Then seeds and creates keys and secrets.
// Used by `npm start`, the e2e global setup and the unit-test setup, so they all run the real migrations.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { ConfigurationError, databaseKind, redactUrl, sqliteFilePath } from "../config/environment";
import { sqliteMigrationsApplied } from "./migrations-applied";

const run = promisify(execFile);

export async function migrateDatabase(databaseUrl: string): Promise<void> {
  // Imported only for PostgreSQL: pg and postgrator take ~0.2 s to load and SQLite never needs them.
  if (databaseKind(databaseUrl) === "postgresql") return (await import("./migrate-postgresql")).migratePostgresql(databaseUrl);
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
  // `prisma migrate deploy` is a second Node process that loads the Prisma CLI and prisma.config.ts: ~2.4 s
  // even when there is nothing to do. When every migration is already applied, unchanged, there is nothing to do.
  if (sqliteMigrationsApplied(file)) return;
  const prismaCli = path.resolve("node_modules", "prisma", "build", "index.js");
  try {
    await run(process.execPath, [prismaCli, "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      maxBuffer: 10 * 1024 * 1024,
    });
  } catch (error) {
    const output = `${(error as { stdout?: string }).stdout ?? ""}\n${(error as { stderr?: string }).stderr ?? ""}`;
    const reason = output.split("\n").map((line) => line.trim()).filter((line) => /error|unable|cannot|failed/i.test(line) && !/External error id/.test(line))[0];
    throw new ConfigurationError(`cannot open or migrate the database ${redactUrl(databaseUrl)}${reason ? `: ${reason}` : ""}`);
  }
}

/** Migrate, then seed through the app's own client (imported late so DATABASE_URL is already set). */
export async function prepareDatabase(options: { databaseUrl: string; publicUrl: string }): Promise<void> {
  process.env.DATABASE_URL = options.databaseUrl;
  await migrateDatabase(options.databaseUrl);
  const { db } = await import("./client");
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
