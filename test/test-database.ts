// Which database the unit tests run on: the embedded SQLite (default) or PostgreSQL when
// SANDBOX_TEST_DATABASE=postgresql, with TEST_POSTGRES_URL naming a server and a role that may create databases.
// Each test file gets a private copy of one migrated, seeded template (a file copy, or CREATE DATABASE … TEMPLATE).

export const SQLITE_TEMPLATE = "data/unit-template.db";
export const POSTGRESQL_TEMPLATE = "sandbox_unit_template";

export function testingPostgresql(): boolean {
  return process.env.SANDBOX_TEST_DATABASE === "postgresql";
}

/** The admin connection (any database of the server), from TEST_POSTGRES_URL. */
export function postgresAdminUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error("SANDBOX_TEST_DATABASE=postgresql needs TEST_POSTGRES_URL=postgresql://user:password@host:5432/postgres");
  return url;
}

/** The same server, another database. */
export function postgresDatabaseUrl(database: string): string {
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}
