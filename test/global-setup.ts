// Unit-test setup: migrate and seed one template database with the real migrations, once per run.
// Each test file then works on its own copy (test/per-file-database.ts), so files never share state.
import { rmSync } from "node:fs";
import { prepareDatabase } from "../lib/db/prepare-database";

export const TEMPLATE_DATABASE = "data/unit-template.db";

export default async function setup() {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(TEMPLATE_DATABASE + suffix, { force: true });
  rmSync("data/unit", { recursive: true, force: true });
  await prepareDatabase({ databaseUrl: `file:./${TEMPLATE_DATABASE}`, publicUrl: "http://localhost:3999" });
  // Fold the write-ahead log into the file so that copying the file copies everything.
  const { db } = await import("../lib/db/client");
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await db.$disconnect();
}
