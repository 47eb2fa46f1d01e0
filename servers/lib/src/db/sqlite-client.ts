// knex's better-sqlite3 client prepares every query anew, and preparing costs about as much as
// running a small query. This client keeps prepared statements per connection, keyed by the SQL
// text (knex sends values as bindings, so the set of texts is small), and is otherwise knex's own.
// Statements run synchronously to completion, so sharing one between queries is safe, and SQLite
// re-prepares a cached statement by itself when a migration changes the schema.
import { createRequire } from "node:module";
import type { Knex } from "knex";

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

export class CachingSqliteClient extends BetterSqlite3Client {
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
