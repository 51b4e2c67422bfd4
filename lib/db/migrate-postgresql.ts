// Migrations on PostgreSQL: the SQL files in prisma/postgresql/migrations (written offline by
// `npm run db:migration` with Prisma's `migrate diff`), applied in order by postgrator, which keeps what was
// applied, with checksums, in its `schemaversion` table. An advisory lock lets several instances start at once.
import path from "node:path";
import pg from "pg";
import Postgrator from "postgrator";
import { ConfigurationError, redactUrl } from "../config/environment";

const MIGRATIONS = path.resolve("prisma", "postgresql", "migrations", "*.sql");
const LOCK_KEY = 727_452_001;

export async function connectPostgresql(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new ConfigurationError(`cannot connect to the database ${redactUrl(url)}: ${(error as Error).message}`);
  }
  return client;
}

export async function migratePostgresql(url: string): Promise<void> {
  const client = await connectPostgresql(url);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    const postgrator = new Postgrator({
      migrationPattern: MIGRATIONS,
      driver: "pg",
      database: client.database,
      schemaTable: "schemaversion",
      execQuery: (query) => client.query(query),
    });
    await postgrator.migrate();
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    throw new ConfigurationError(`cannot migrate the database ${redactUrl(url)}: ${(error as Error).message}`);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
