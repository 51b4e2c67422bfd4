// The one Prisma client of the process: the embedded SQLite database through the better-sqlite3 adapter, or a
// team's PostgreSQL through the pg adapter, chosen by DATABASE_URL. Both clients are generated from the same
// schema (prisma/schema.prisma; the PostgreSQL copy is derived from it), so they have the same API and types.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "./generated/client";
import { PrismaClient as PostgresqlPrismaClient } from "./generated-postgresql/client";
import { databaseKind, databaseUrl } from "../config/environment";

export type Db = PrismaClient;

function createClient(): PrismaClient {
  const url = databaseUrl();
  if (databaseKind(url) === "postgresql") {
    // Same models and API, another provider: the SQLite client's type describes it exactly.
    return new PostgresqlPrismaClient({ adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }) }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

const holder = globalThis as unknown as { sandboxPrisma?: PrismaClient };

/** Shared across hot reloads in development; one per process in production. */
export const db: PrismaClient = holder.sandboxPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") holder.sandboxPrisma = db;

export type { Prisma };

/** The client, or the handle of an interactive transaction: what functions that may run inside one accept. */
export type DbOrTransaction = PrismaClient | Prisma.TransactionClient;
