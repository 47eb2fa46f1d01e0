// Helpers that hide the few differences between SQLite and PostgreSQL from the repositories.
import { dialect, type Knex } from "@aitbc/server-lib";

export function isPg(db: Knex): boolean {
  return dialect(db) === "postgres";
}

/** `SELECT … FOR UPDATE` on PostgreSQL; SQLite serializes writers, so the plain select is enough there. */
export function forUpdate<T extends Knex.QueryBuilder>(db: Knex, query: T, skipLocked = false): T {
  if (!isPg(db)) return query;
  const locked = query.forUpdate();
  return (skipLocked ? locked.skipLocked() : locked) as T;
}

/** Reads a bigint column (a number on SQLite, a string on PostgreSQL). */
export function big(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" || typeof value === "string") return BigInt(value);
  throw new TypeError(`not an integer column value: ${String(value)}`);
}

export function bigOrNull(value: unknown): bigint | null {
  return value === null || value === undefined ? null : big(value);
}

export function json<T>(text: unknown): T {
  return JSON.parse(String(text)) as T;
}

export function jsonOrNull<T>(text: unknown): T | null {
  return text === null || text === undefined ? null : (JSON.parse(String(text)) as T);
}

/**
 * The first row of a query, or undefined. Use it for primary-key lookups instead of knex's
 * `first()`: a key matches one row anyway, and `first()` adds a bound `LIMIT ?`, which makes
 * SQLite run a key lookup about twice as slowly.
 */
export async function firstRow(
  query: Knex.QueryBuilder | Promise<unknown>,
): Promise<Record<string, unknown> | undefined> {
  const rows = (await query) as Array<Record<string, unknown>>;
  return rows[0];
}

/** `LIMIT 1` written into the SQL (not bound, for the reason above), for ordered picks. */
export function limitOne<T extends Knex.QueryBuilder>(query: T): T {
  return query.limit(1, { skipBinding: true }) as T;
}
