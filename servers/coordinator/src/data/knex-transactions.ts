// The domain's transaction and idempotency ports on knex. A Tx handed to the domain is the knex
// transaction itself; repositories turn it back with knexOf().
import { idempotent, transaction, type Knex } from "@aitbc/server-lib";
import type { Idempotency, Transactions, Tx } from "../domain/store/transactions.js";

export function asTx(trx: Knex): Tx {
  return trx as unknown as Tx;
}

/** The query builder to run on: the transaction when one is given, else the pool. */
export function knexOf(tx: Tx | undefined, db: Knex): Knex {
  return tx === undefined ? db : (tx as unknown as Knex);
}

export function knexTransactions(db: Knex): Transactions {
  return { run: (work) => transaction(db, (trx) => work(asTx(trx))) };
}

export function knexIdempotency(db: Knex): Idempotency {
  return { run: (request, work) => idempotent(db, request, work) };
}
