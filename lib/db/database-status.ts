// What /api/health says about the database: which kind, whether it answers, and which migrations are applied.
import type { Db } from "./client";
import { databaseKind, databaseUrl } from "../config/environment";

export async function databaseStatus(db: Db) {
  const kind = databaseKind(databaseUrl());
  const rows =
    kind === "postgresql"
      ? await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM schemaversion WHERE version > 0 ORDER BY version DESC")
      : await db.$queryRawUnsafe<{ name: string }[]>(
          "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name DESC",
        );
  return { kind, migrations: { applied: rows.length, latest: rows[0]?.name ?? null } };
}
