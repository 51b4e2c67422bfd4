// Gives each test file a private copy of the migrated, seeded template database, before any app module loads.
import { copyFileSync, mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { POSTGRESQL_TEMPLATE, postgresAdminUrl, postgresDatabaseUrl, SQLITE_TEMPLATE, testingPostgresql } from "./test-database";

process.env.PUBLIC_URL = "http://localhost:3999";
if (testingPostgresql()) {
  const database = `sandbox_unit_${randomUUID().replace(/-/g, "")}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  // Copies of one template cannot be made at the same moment ("being accessed by other users"): retry.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${POSTGRESQL_TEMPLATE}"`);
      break;
    } catch (error) {
      if (attempt >= 60 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  process.env.DATABASE_URL = postgresDatabaseUrl(database);
} else {
  mkdirSync("data/unit", { recursive: true });
  const file = `data/unit/${randomUUID()}.db`;
  copyFileSync(SQLITE_TEMPLATE, file);
  process.env.DATABASE_URL = `file:./${file}`;
}
