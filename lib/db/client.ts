// The one Prisma client of the process, on the embedded SQLite database through the better-sqlite3 adapter.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient, type Prisma } from "./generated/client";
import { databaseUrl } from "../config/environment";

export type Db = PrismaClient;

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl() }) });
}

const holder = globalThis as unknown as { sandboxPrisma?: PrismaClient };

/** Shared across hot reloads in development; one per process in production. */
export const db: PrismaClient = holder.sandboxPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") holder.sandboxPrisma = db;

export type { Prisma };

/** The client, or the handle of an interactive transaction: what functions that may run inside one accept. */
export type DbOrTransaction = PrismaClient | Prisma.TransactionClient;
