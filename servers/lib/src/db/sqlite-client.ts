// knex's better-sqlite3 client prepares every query anew, and preparing costs about as much as
// running a small query. This client keeps prepared statements per connection, keyed by the SQL
// text (knex sends values as bindings, so the set of texts is small). It also keeps the pool's one
// connection instead of borrowing it from tarn for every query (connection-turns.ts). Otherwise it
// is knex's own.
// Statements run synchronously to completion, so sharing one between queries is safe, and SQLite
// re-prepares a cached statement by itself when a migration changes the schema.
import { createRequire } from "node:module";
import type { Knex } from "knex";
import { ConnectionTurns } from "./connection-turns.js";

const require = createRequire(import.meta.url);

interface Statement {
  reader: boolean;
  safeIntegers(on: boolean): Statement;
}
interface Connection {
  prepare(sql: string): Statement;
}
interface QueryObject {
  sql?: string;
  options?: { safeIntegers?: unknown };
}

/** Distinct SQL texts kept per connection; the least recently used one goes first. */
const MAX_STATEMENTS = 500;

const BetterSqlite3Client =
  require("knex/lib/dialects/better-sqlite3/index.js") as typeof Knex.Client;

const caches = new WeakMap<Connection, Map<string, Statement>>();

function cachedPrepare(connection: Connection, sql: string): Statement {
  let cache = caches.get(connection);
  if (!cache) caches.set(connection, (cache = new Map()));
  const hit = cache.get(sql);
  if (hit) {
    // Map keeps insertion order: move the hit to the back, so eviction takes the coldest.
    cache.delete(sql);
    cache.set(sql, hit);
    return hit;
  }
  const statement = connection.prepare(sql);
  if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
  cache.set(sql, statement);
  return statement;
}

interface PoolingClient {
  acquireConnection(): Promise<Connection>;
  releaseConnection(connection: Connection): Promise<unknown>;
  destroy(callback?: (err?: unknown) => void): Promise<void>;
  config: { acquireConnectionTimeout?: number };
}
const parentClient = BetterSqlite3Client.prototype as unknown as PoolingClient;

// Per pool, not per client: knex clones its client (the migrator does, through withUserParams),
// and the clones share the pool, so they must share its connection's turns too.
const turnsByPool = new WeakMap<object, ConnectionTurns<Connection>>();

export class CachingSqliteClient extends BetterSqlite3Client {
  private get poolObject(): object | undefined {
    return (this as unknown as { pool?: object }).pool;
  }

  /** The turns on this client's pool, made on first use when `make`; none once destroyed. */
  private turns(make: boolean): ConnectionTurns<Connection> | undefined {
    const pool = this.poolObject;
    if (!pool) return undefined;
    let turns = turnsByPool.get(pool);
    if (!turns && make) {
      turns = new ConnectionTurns<Connection>(
        () => parentClient.acquireConnection.call(this),
        (connection) => parentClient.releaseConnection.call(this, connection),
        (this as unknown as PoolingClient).config.acquireConnectionTimeout ?? 60_000,
      );
      turnsByPool.set(pool, turns);
    }
    return turns;
  }

  /** Callers waiting for the connection (tarn's numPendingAcquires()). */
  get waitingForConnection(): number {
    return this.turns(false)?.waiting ?? 0;
  }

  // Not async: on every query, a second promise around the turn's would only cost a hop.
  override acquireConnection(): Promise<Connection> {
    const turns = this.turns(true);
    // Without a pool (destroyed), knex's own answer: "Unable to acquire a connection".
    return turns ? turns.acquire() : parentClient.acquireConnection.call(this);
  }

  override async releaseConnection(connection: Connection): Promise<unknown> {
    const turns = this.turns(false);
    if (turns?.owns(connection)) return turns.release();
    return parentClient.releaseConnection.call(this, connection);
  }

  override async destroy(callback?: (err?: unknown) => void): Promise<void> {
    const turns = this.turns(false);
    if (this.poolObject) turnsByPool.delete(this.poolObject);
    await turns?.close();
    return parentClient.destroy.call(this, callback);
  }

  async _query(connection: Connection, obj: QueryObject): Promise<unknown> {
    // knex's _query calls connection.prepare(sql); hand it the cached statement instead. Queries
    // that set safeIntegers change the statement, so they get a fresh one as before.
    const fresh = !obj.sql || typeof obj.options?.safeIntegers === "boolean";
    const proxy: Connection = fresh
      ? connection
      : { prepare: (sql: string) => cachedPrepare(connection, sql) };
    const parent = BetterSqlite3Client.prototype as unknown as {
      _query(c: Connection, o: QueryObject): Promise<unknown>;
    };
    return parent._query.call(this, proxy, obj);
  }
}

/** How many queries wait for a database connection (SQLite: its one connection). */
export function waitingForConnection(db: Knex): number {
  const client = db.client as unknown;
  if (client instanceof CachingSqliteClient) return client.waitingForConnection;
  return (client as { pool?: { numPendingAcquires(): number } }).pool?.numPendingAcquires() ?? 0;
}
