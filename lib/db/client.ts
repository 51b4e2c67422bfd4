// The one Prisma client of the process: the embedded SQLite database through the better-sqlite3 adapter, or a
// team's PostgreSQL through the pg adapter, chosen by DATABASE_URL. Both clients are generated from the same
// schema (prisma/schema.prisma; the PostgreSQL copy is derived from it), so they have the same API and types.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "./generated/client";
import { PrismaClient as PostgresqlPrismaClient } from "./generated-postgresql/client";
import type Database from "better-sqlite3";
import { databaseKind, databaseUrl } from "../config/environment";
import { postgresqlLeanDb, SQLITE_SYNCHRONOUS, sqliteLeanDb, type LeanDb } from "./lean/lean-db";
import { countingAdapter } from "./round-trips";

/**
 * Secret columns are left out of every query unless it asks for them (`omit: { column: false }` or `select`), in
 * the few functions that use them: client authentication, sign-in, RFC 7592 access, signing, the simulated
 * certificate authorities, and the sandbox's generated secrets. (Grants are found by their refresh token's hash,
 * which is a lookup key, not a secret: the token itself is never stored.)
 */
const SECRET_COLUMNS = {
  client: { secretHash: true, registrationTokenHash: true },
  person: { passwordHash: true },
  signingKey: { privateJwk: true },
  certificateAuthority: { privateKeyPkcs8: true },
  sandboxSecret: { value: true },
} as const;

type SandboxPrismaClient = PrismaClient<never, typeof SECRET_COLUMNS>;
export type Db = SandboxPrismaClient;

function createClients(): { db: Db; lean: LeanDb } {
  const url = databaseUrl();
  if (databaseKind(url) === "postgresql") {
    // One pool for both: the lean path's queries and Prisma's share the connections.
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    // Same models and API, another provider: the SQLite client's type describes it exactly.
    const db = new PostgresqlPrismaClient({ adapter: countingAdapter(new PrismaPg(pool)), omit: SECRET_COLUMNS }) as unknown as Db;
    return { db, lean: postgresqlLeanDb(pool, pg.types) };
  }
  // The lean path shares Prisma's connection (lean/lean-db.ts says why): captured when Prisma opens it.
  let connection: Database.Database | null = null;
  const adapter = countingAdapter(new PrismaBetterSQLite3({ url }), async (opened) => {
    connection = (opened as unknown as { client: Database.Database }).client;
    await opened.executeScript(`PRAGMA synchronous = ${SQLITE_SYNCHRONOUS}`);
  });
  const db = new PrismaClient({ adapter, omit: SECRET_COLUMNS }) as unknown as Db;
  const lean = sqliteLeanDb(async () => {
    if (!connection?.open) await db.$connect();
    if (!connection?.open) throw new Error("Prisma opened no SQLite connection");
    return connection;
  });
  return { db, lean };
}

const holder = globalThis as unknown as { sandboxDatabase?: { db: Db; lean: LeanDb } };
const clients = holder.sandboxDatabase ?? createClients();
/** Shared across hot reloads in development; one per process in production. */
if (process.env.NODE_ENV !== "production") holder.sandboxDatabase = clients;

export const db: Db = clients.db;
/** The token endpoint's hot path (lean/lean-db.ts); everything else uses `db`. */
export const lean: LeanDb = clients.lean;

export type { Prisma };

/** The client, or the handle of an interactive transaction: what functions that may run inside one accept. */
export type DbOrTransaction = Db | Parameters<Parameters<Db["$transaction"]>[0]>[0];
