// A lock for the rest of a transaction, named by a string: on PostgreSQL an advisory transaction lock (READ
// COMMITTED would otherwise let two transactions count the same rows); on SQLite a no-op, because SQLite runs one
// write transaction at a time already.
import { databaseKind, databaseUrl } from "../config/environment";
import type { Prisma } from "./client";

export async function lockForTransaction(tx: Prisma.TransactionClient, name: string): Promise<void> {
  if (databaseKind(databaseUrl()) !== "postgresql") return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${name}))`;
}
