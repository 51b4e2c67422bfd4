// The lean path to the database, for the token endpoint's hot path only: queries are built with Kysely (typed by
// lib/db/generated-kysely/database.ts, generated from prisma/schema.prisma like the Prisma clients) and run
// directly on the driver, skipping the Prisma client's per-query cost (0.3–1.1 ms here, against ~0.01 ms for a
// prepared better-sqlite3 statement). Everything else keeps using Prisma; migrations stay Prisma's.
//
// SQLite: Prisma's own connection; writes run as one synchronous transaction, so no other request interleaves.
// PostgreSQL: the pool Prisma uses too; a write is one statement (data-modifying CTEs, atomic by itself) or, when it
// must be able to take back an earlier statement, several inside BEGIN … COMMIT on one connection.
import Database from "better-sqlite3";
import {
  CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
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
 * commit no longer waits for the disk (~0.4 ms of every refresh here). Set on the connection in client.ts.
 */
export const SQLITE_SYNCHRONOUS = "NORMAL";

const SQLITE_WAIT_MS = 2;
const SQLITE_GIVE_UP_MS = 10_000;

class Rollback extends Error {}

/** A write whose outcome is unknown (the connection failed after it was sent): it must not be tried again another way. */
export class LeanWriteOutcomeUnknown extends Error {
  override name = "LeanWriteOutcomeUnknown";
}

/**
 * SQLite: the lean path uses Prisma's own connection (`connection` resolves to it), as one writer per process must:
 * a second connection's commits would make Prisma's read-then-write transactions fail (SQLITE_BUSY_SNAPSHOT). Its
 * writes are synchronous transactions, so nothing interleaves with them; while a Prisma interactive transaction is
 * open on the connection, a write waits for it to end rather than joining it.
 */
export function sqliteLeanDb(connection: () => Promise<Database.Database>): LeanDb {
  const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
  const prepare = (handle: Database.Database, sql: string) => {
    let cache = statements.get(handle);
    if (!cache) statements.set(handle, (cache = new Map()));
    let statement = cache.get(sql);
    // Plain numbers: Prisma's connection reads integers as BigInt by default.
    if (!statement) cache.set(sql, (statement = handle.prepare(sql).safeIntegers(false)));
    return statement;
  };
  return {
    dialect: "sqlite",
    sql: compilerOnly("sqlite"),
    async rows<R>(query: CompiledQuery<R>) {
      const handle = await connection();
      roundTrips.count++;
      const statement = prepare(handle, query.sql);
      return statement.all(...(query.parameters as unknown[])) as R[];
    },
    async write(queries, abortUnless) {
      const handle = await connection();
      roundTrips.count++;
      const run = handle.transaction(() => {
        const counts = queries.map((query) => prepare(handle, query.sql).run(...(query.parameters as unknown[])).changes);
        if (abortUnless && !abortUnless(counts)) throw new Rollback();
        return counts;
      });
      const started = Date.now();
      while (handle.inTransaction) {
        if (Date.now() - started > SQLITE_GIVE_UP_MS) throw new Error("the database stayed in another transaction for 10 s");
        await new Promise((resolve) => setTimeout(resolve, SQLITE_WAIT_MS));
      }
      try {
        return run.immediate();
      } catch (error) {
        if (error instanceof Rollback) return null;
        throw error;
      }
    },
  };
}

const PG_TIMESTAMP_OIDS = new Set([1114, 1184]);

/** The statement (or the COMMIT) may have been applied before the failure: say so rather than guess. */
function unknownOutcome(error: unknown): never {
  throw new LeanWriteOutcomeUnknown(`the write's outcome is unknown: ${(error as Error).message}`, { cause: error });
}

export function postgresqlLeanDb(pool: pg.Pool, types: typeof pg.types): LeanDb {
  // Timestamps as text: pg would read `timestamp` columns in this machine's time zone. columns.ts decodes them.
  const TEXT_TIMESTAMPS = {
    getTypeParser: ((oid: number, format?: "text") =>
      PG_TIMESTAMP_OIDS.has(oid) ? (value: string) => value : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
  };
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
        const counts = [await run(pool, queries[0]).catch(unknownOutcome)];
        return !abortUnless || abortUnless(counts) ? counts : null;
      }
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await run(client, CompiledQuery.raw("BEGIN"));
        const counts: number[] = [];
        for (const query of queries) counts.push(await run(client, query));
        const keep = !abortUnless || abortUnless(counts);
        await run(client, CompiledQuery.raw(keep ? "COMMIT" : "ROLLBACK")).catch(unknownOutcome);
        return keep ? counts : null;
      } catch (error) {
        if (!(error instanceof LeanWriteOutcomeUnknown)) await client.query("ROLLBACK").catch((failure: Error) => (broken = failure));
        throw error;
      } finally {
        // A connection that could not roll back is not given back to the pool Prisma shares.
        client.release(broken);
      }
    },
  };
}
