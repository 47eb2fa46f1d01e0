// One way to run a transaction, for every service: knex's own, which commits when `fn` resolves
// and rolls back when it throws. Code inside `fn` must use `trx` (on SQLite the pool's only
// connection is held, so a query on the root knex waits until the transaction ends) and must
// await its queries before returning: a query after the end is rejected.
import type { Knex } from "knex";
import { dialect } from "./database.js";

/** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
export async function transaction<T>(
  db: Knex,
  fn: (trx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  // knex would open a savepoint here; nothing in the services nests, so say so plainly.
  if (dialect(db) === "sqlite" && (db as { isTransaction?: boolean }).isTransaction)
    throw new Error("transaction() called with a transaction: use the outer trx instead");
  return db.transaction(fn);
}
