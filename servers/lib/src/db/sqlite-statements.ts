// knex's better-sqlite3 client asks its connection to prepare every query anew, and preparing
// costs about as much as running a small query. The pool hands each new connection to
// `afterCreate` (knex's public hook); there its `prepare` learns to keep statements by SQL text
// (knex sends values as bindings, so the set of texts is small). Only this connection object is
// changed, not knex or better-sqlite3: a knex that stopped calling `prepare` would only stop
// hitting the cache, which test/sqlite-statement-cache.test.ts notices.
// Statements run synchronously to completion, so sharing one between queries is safe, and SQLite
// re-prepares a cached statement by itself when a migration changes the schema.
import type BetterSqlite3 from "better-sqlite3";

/** Distinct SQL texts kept per connection; the least recently used one goes first. */
const MAX_STATEMENTS = 500;

/** Makes `connection.prepare` return a kept statement for SQL it has prepared before. */
export function keepPreparedStatements(connection: BetterSqlite3.Database): void {
  const prepare = connection.prepare.bind(connection);
  const kept = new Map<string, BetterSqlite3.Statement>();
  connection.prepare = ((sql: string) => {
    const hit = kept.get(sql);
    if (hit) {
      // Map keeps insertion order: move the hit to the back, so eviction takes the coldest.
      kept.delete(sql);
      kept.set(sql, hit);
      // knex switches safeIntegers on a statement for a query that asks for it; the next query
      // of the same text must get the connection's default (off) again.
      return hit.safeIntegers(false);
    }
    const statement = prepare(sql);
    if (kept.size >= MAX_STATEMENTS) kept.delete(kept.keys().next().value!);
    kept.set(sql, statement);
    return statement;
  }) as typeof connection.prepare;
}
