// Counts the calls this process makes into the database, through Prisma's driver adapters and through the lean
// path (lean/lean-db.ts), so a test can hold the token endpoint to its budget of round trips.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

export const roundTrips = { count: 0 };

function countTransaction(transaction: Transaction): Transaction {
  const { queryRaw, executeRaw, commit } = transaction;
  transaction.queryRaw = (query) => (roundTrips.count++, queryRaw.call(transaction, query));
  transaction.executeRaw = (query) => (roundTrips.count++, executeRaw.call(transaction, query));
  transaction.commit = () => (roundTrips.count++, commit.call(transaction));
  return transaction;
}

/**
 * Wraps a Prisma driver adapter factory so every query, BEGIN and COMMIT it sends is counted; `onConnect` runs once
 * on the new connection first (uncounted: it is set-up, not a request's work).
 */
export function countingAdapter<F extends SqlDriverAdapterFactory>(
  factory: F,
  onConnect?: (adapter: SqlDriverAdapter) => Promise<void>,
): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async (): Promise<SqlDriverAdapter> => {
    const adapter = await connect();
    await onConnect?.(adapter);
    const { queryRaw, executeRaw, startTransaction } = adapter;
    adapter.queryRaw = (query) => (roundTrips.count++, queryRaw.call(adapter, query));
    adapter.executeRaw = (query) => (roundTrips.count++, executeRaw.call(adapter, query));
    adapter.startTransaction = async (isolationLevel) => (
      roundTrips.count++,
      countTransaction(await startTransaction.call(adapter, isolationLevel))
    );
    return adapter;
  };
  return factory;
}
