// The lean path to the database, for the token endpoint's hot path only: queries are built with Kysely (typed by
// lib/db/generated-kysely/database.ts, generated from prisma/schema.prisma like the Prisma clients) and run
// directly on the driver, skipping the Prisma client's per-query cost (0.3–1.1 ms here, against ~0.01 ms for a
// prepared better-sqlite3 statement). Everything else keeps using Prisma; migrations stay Prisma's.
//
// SQLite: a second connection to the same file (write-ahead log: readers never wait). Writes run as one
// synchronous transaction, so no other request can interleave; if a Prisma interactive transaction holds the
// write lock at that moment, the write is retried after a short wait instead of blocking the event loop.
// PostgreSQL: the pool Prisma uses too; a write is a single statement (data-modifying CTEs), atomic by itself.
import Database from "better-sqlite3";
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type CompiledQuery } from "kysely";
import type pg from "pg";
import type { DB } from "../generated-kysely/database";
import { roundTrips } from "../round-trips";

export type Dialect = "sqlite" | "postgresql";

export interface LeanDb {
  dialect: Dialect;
  /** A query builder that only compiles (it has no connection): run what it builds with the methods below. */
  sql: Kysely<DB>;
  rows<R>(query: CompiledQuery<R>): Promise<R[]>;
  /**
   * Runs writes atomically and answers how many rows each changed; `abortUnless(counts)` false rolls back.
   * On PostgreSQL pass exactly one statement (build it with CTEs); on SQLite, the statements in order.
   */
  write(queries: CompiledQuery[], abortUnless?: (counts: number[]) => boolean): Promise<number[] | null>;
}

function compilerOnly(dialect: Dialect): Kysely<DB> {
  const sqlite = dialect === "sqlite";
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => (sqlite ? new SqliteAdapter() : new PostgresAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => (sqlite ? new SqliteIntrospector(db) : new PostgresIntrospector(db)),
      createQueryCompiler: () => (sqlite ? new SqliteQueryCompiler() : new PostgresQueryCompiler()),
    },
  });
}

const SQLITE_BUSY_RETRY_MS = 2;
const SQLITE_BUSY_GIVE_UP_MS = 5_000;

class Rollback extends Error {}

export function sqliteLeanDb(file: string): LeanDb {
  let connection: Database.Database | null = null;
  const open = () => {
    if (!connection) {
      // timeout 0: a busy database answers at once (and is retried below) rather than blocking the event loop.
      connection = new Database(file, { timeout: 0 });
      connection.pragma("journal_mode = WAL");
    }
    return connection;
  };
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = open().prepare(sql)));
    return statement;
  };
  return {
    dialect: "sqlite",
    sql: compilerOnly("sqlite"),
    async rows<R>(query: CompiledQuery<R>) {
      roundTrips.count++;
      return prepare(query.sql).all(...(query.parameters as unknown[])) as R[];
    },
    async write(queries, abortUnless) {
      roundTrips.count++;
      const run = open().transaction(() => {
        const counts = queries.map((query) => prepare(query.sql).run(...(query.parameters as unknown[])).changes);
        if (abortUnless && !abortUnless(counts)) throw new Rollback();
        return counts;
      });
      const started = Date.now();
      for (;;) {
        try {
          return run.immediate();
        } catch (error) {
          if (error instanceof Rollback) return null;
          const busy = (error as { code?: string }).code === "SQLITE_BUSY";
          if (!busy || Date.now() - started > SQLITE_BUSY_GIVE_UP_MS) throw error;
          await new Promise((resolve) => setTimeout(resolve, SQLITE_BUSY_RETRY_MS));
        }
      }
    },
  };
}

const PG_TIMESTAMP_OIDS = new Set([1114, 1184]);

/** The write's single statement answers one row with a `changed` column: how many grants it updated. */
export function postgresqlLeanDb(pool: pg.Pool, types: typeof pg.types): LeanDb {
  // Timestamps as text: pg would read `timestamp` columns in this machine's time zone. columns.ts decodes them.
  const TEXT_TIMESTAMPS = { getTypeParser: ((oid: number, format?: "text") => (PG_TIMESTAMP_OIDS.has(oid) ? (value: string) => value : types.getTypeParser(oid, format))) as typeof types.getTypeParser };
  return {
    dialect: "postgresql",
    sql: compilerOnly("postgresql"),
    async rows<R>(query: CompiledQuery<R>) {
      roundTrips.count++;
      const result = await pool.query({ text: query.sql, values: query.parameters as unknown[], types: TEXT_TIMESTAMPS });
      return result.rows as R[];
    },
    async write(queries, abortUnless) {
      if (queries.length !== 1) throw new Error("a lean write on PostgreSQL is one statement");
      roundTrips.count++;
      const result = await pool.query({ text: queries[0].sql, values: queries[0].parameters as unknown[], types: TEXT_TIMESTAMPS });
      const counts = [Number(result.rows[0]?.changed ?? 0)];
      return !abortUnless || abortUnless(counts) ? counts : null;
    },
  };
}
