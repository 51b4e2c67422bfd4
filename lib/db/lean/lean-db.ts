// The lean path to the database, for the token endpoint's hot path only: queries are built with Kysely (typed by
// lib/db/generated-kysely/database.ts, generated from prisma/schema.prisma like the Prisma clients) and run
// directly on the driver, skipping the Prisma client's per-query cost (0.3–1.1 ms here, against ~0.01 ms for a
// prepared better-sqlite3 statement). Everything else keeps using Prisma; migrations stay Prisma's.
//
// SQLite: a second connection to the same file (write-ahead log: readers never wait). Writes run as one
// synchronous transaction, so no other request can interleave; if a Prisma interactive transaction holds the
// write lock at that moment, the write is retried after a short wait instead of blocking the event loop.
// PostgreSQL: the pool Prisma uses too; a write is one statement (data-modifying CTEs, atomic by itself) or, when it
// must be able to take back an earlier statement, several inside BEGIN … COMMIT on one connection.
import Database from "better-sqlite3";
import { CompiledQuery, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from "kysely";
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
   * Runs writes atomically and answers how many rows each changed (a statement that returns a `changed` column
   * answers that instead); `abortUnless(counts)` false rolls back and answers null. SQLite: one synchronous
   * transaction. PostgreSQL: one statement is sent alone — atomic by itself, so it must write nothing it would
   * have to take back (make its inserts depend on its update, with CTEs) — and several in a transaction.
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

/**
 * In write-ahead-log mode NORMAL syncs at checkpoints rather than on every commit: a crash of the process loses
 * nothing, a power cut may lose the last commits but never corrupts the file. A sandbox can afford that, and a
 * commit no longer waits for the disk (~0.4 ms of every refresh here). Prisma's connection gets the same (client.ts).
 */
export const SQLITE_SYNCHRONOUS = "NORMAL";

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
      connection.pragma(`synchronous = ${SQLITE_SYNCHRONOUS}`);
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
      const run = async (client: pg.Pool | pg.PoolClient, query: CompiledQuery) => {
        roundTrips.count++;
        const result = await client.query({ text: query.sql, values: query.parameters as unknown[], types: TEXT_TIMESTAMPS });
        return result.rows[0] && "changed" in result.rows[0] ? Number(result.rows[0].changed) : (result.rowCount ?? 0);
      };
      if (queries.length === 1) {
        const counts = [await run(pool, queries[0])];
        return !abortUnless || abortUnless(counts) ? counts : null;
      }
      const client = await pool.connect();
      try {
        await run(client, CompiledQuery.raw("BEGIN"));
        const counts: number[] = [];
        for (const query of queries) counts.push(await run(client, query));
        const keep = !abortUnless || abortUnless(counts);
        await run(client, CompiledQuery.raw(keep ? "COMMIT" : "ROLLBACK"));
        return keep ? counts : null;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
