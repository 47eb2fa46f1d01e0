// One way to run a transaction, for every service. On PostgreSQL it is knex's own. On SQLite it
// skips knex's per-transaction setup: knex builds a new client and a new knex function (about a
// hundred properties defined on it) for every transaction, which costs more CPU (most of it
// garbage) than the statements of a typical transaction here (docs/performance.md measures it).
// The SQLite pool holds one connection, so here the transaction's knex is made once per
// connection and reused: it sends its queries to that connection, and only while a transaction
// holds it.
//
// As with knex's transactions, code inside `fn` must use `trx` (the pool's only connection is
// held, so a query on the root knex waits until the transaction ends) and must await its queries
// before returning: a query after the end is rejected, not run outside the transaction.
import { createRequire } from "node:module";
import type { Knex } from "knex";
import { dialect } from "./database.js";

const require = createRequire(import.meta.url);
const makeKnex = require("knex/lib/knex-builder/make-knex.js") as (client: unknown) => Knex;

/** What better-sqlite3's Database offers that this module uses. */
interface SqliteConnection {
  exec(sql: string): unknown;
  readonly inTransaction: boolean;
}

interface KnexClient {
  constructor: { prototype: object };
  version?: unknown;
  config: unknown;
  driver: unknown;
  connectionSettings: unknown;
  valueForUndefined: unknown;
  logger: unknown;
  acquireConnection(): Promise<SqliteConnection>;
  releaseConnection(connection: SqliteConnection): Promise<unknown>;
  emit(event: string, ...args: unknown[]): boolean;
}

interface Bound {
  trx: Knex.Transaction;
  open: boolean;
}

const boundByConnection = new WeakMap<SqliteConnection, Bound>();

/** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
export async function transaction<T>(
  db: Knex,
  fn: (trx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  if (dialect(db) === "postgres") return db.transaction(fn);
  const client = db.client as unknown as KnexClient & { transacting?: boolean };
  // knex would open a savepoint here; nothing in the services nests, so say so plainly.
  if (client.transacting)
    throw new Error("transaction() called with a transaction: use the outer trx instead");
  const connection = await client.acquireConnection();
  try {
    const bound = boundTo(client, connection);
    connection.exec("BEGIN");
    bound.open = true;
    let result: T;
    try {
      result = await fn(bound.trx);
    } catch (err) {
      bound.open = false;
      // SQLite may already have rolled back (for example after SQLITE_FULL).
      if (connection.inTransaction) connection.exec("ROLLBACK");
      throw err;
    }
    bound.open = false;
    try {
      connection.exec("COMMIT");
    } catch (err) {
      if (connection.inTransaction) connection.exec("ROLLBACK");
      throw err;
    }
    return result;
  } finally {
    await client.releaseConnection(connection);
  }
}

/** The connection's transaction knex, made on first use (mirrors knex's makeTxClient). */
function boundTo(client: KnexClient, connection: SqliteConnection): Bound {
  const known = boundByConnection.get(connection);
  if (known) return known;
  const txClient = Object.create(client.constructor.prototype) as KnexClient & {
    transacting: boolean;
    on(event: string, listener: (...args: unknown[]) => void): void;
    query(connection: unknown, obj: unknown): Promise<unknown>;
  };
  Object.assign(txClient, {
    version: client.version,
    config: client.config,
    driver: client.driver,
    connectionSettings: client.connectionSettings,
    transacting: true,
    valueForUndefined: client.valueForUndefined,
    logger: client.logger,
  });
  // Listeners on the root knex (`db.on("query", …)`) see the transaction's queries too.
  for (const event of ["start", "query", "query-error", "query-response"])
    txClient.on(event, (...args: unknown[]) => client.emit(event, ...args));
  const bound = { open: false } as Bound;
  const query = txClient.query;
  txClient.query = function (conn: unknown, obj: unknown) {
    if (!bound.open || conn !== connection)
      return Promise.reject(new Error("query on a transaction that has ended"));
    return query.call(this, conn, obj);
  };
  txClient.acquireConnection = () => Promise.resolve(connection);
  txClient.releaseConnection = () => Promise.resolve();
  bound.trx = makeKnex(txClient) as unknown as Knex.Transaction;
  boundByConnection.set(connection, bound);
  return bound;
}
