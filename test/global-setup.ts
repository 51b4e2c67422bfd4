// Unit-test setup: migrate and seed one template database with the real migrations, once per run. Each test
// file then works on its own copy (test/per-file-database.ts), so files never share state.
import { rmSync } from "node:fs";
import pg from "pg";
import { prepareDatabase } from "../lib/setup/prepare-database";
import { POSTGRESQL_TEMPLATE, postgresAdminUrl, postgresDatabaseUrl, SQLITE_TEMPLATE, testingPostgresql } from "./test-database";

async function adminQuery(sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function dropUnitDatabases(): Promise<void> {
  const { rows } = await adminQuery("SELECT datname FROM pg_database WHERE datname LIKE 'sandbox_unit_%'");
  for (const { datname } of rows) await adminQuery(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
}

export default async function setup() {
  rmSync("data/unit", { recursive: true, force: true });
  if (testingPostgresql()) {
    await dropUnitDatabases();
    await adminQuery(`CREATE DATABASE "${POSTGRESQL_TEMPLATE}"`);
    await prepareDatabase({ databaseUrl: postgresDatabaseUrl(POSTGRESQL_TEMPLATE), publicUrl: "http://localhost:3999" });
    const { db } = await import("../lib/db/client");
    await db.$disconnect();
    return dropUnitDatabases;
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(SQLITE_TEMPLATE + suffix, { force: true });
  await prepareDatabase({ databaseUrl: `file:./${SQLITE_TEMPLATE}`, publicUrl: "http://localhost:3999" });
  // Fold the write-ahead log into the file so that copying the file copies everything.
  const { db } = await import("../lib/db/client");
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await db.$disconnect();
}
