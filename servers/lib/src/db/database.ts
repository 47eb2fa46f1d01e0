// One knex setup for every service: better-sqlite3 (a WAL file under the data dir) by default,
// PostgreSQL when given a postgres:// URL. Same code, same migrations, same tests.
//
// Money columns: use `bigInteger`, write `micro.toString()`, read with `BigInt(row.col)`. Every
// amount is below 9e15 micro (MAX_MICRO), so SQLite's numbers are exact and PostgreSQL's strings parse.
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import knexFactory, { type Knex } from "knex";
import { ensurePrivateDir, ensurePrivateFile } from "./private-files.js";
import { keepPreparedStatements } from "./sqlite-statements.js";

export type { Knex };

export interface DatabaseOptions {
  /** `postgres://…` for PostgreSQL; otherwise a SQLite file path (or `:memory:`). */
  url: string;
  /** PostgreSQL only: the schema to use (created if missing), so services and tests can share one database. */
  schema?: string;
  /** Pool size for PostgreSQL. */
  poolMax?: number;
}

export function isPostgres(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export async function openDatabase(options: DatabaseOptions): Promise<Knex> {
  if (isPostgres(options.url)) {
    const schema = options.schema;
    if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
      throw new Error(`invalid schema name: ${schema}`);
    const db = knexFactory({
      client: "pg",
      connection: options.url,
      pool: { min: 0, max: options.poolMax ?? 10 },
      ...(schema ? { searchPath: [schema] } : {}),
    });
    if (schema) await db.raw(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    return db;
  }
  const filename = options.url.replace(/^sqlite:(\/\/)?/, "");
  if (filename !== ":memory:") {
    ensurePrivateDir(dirname(filename));
    // SQLite gives its -wal and -shm files the database file's mode, so this covers them too.
    ensurePrivateFile(filename);
    for (const extra of [`${filename}-wal`, `${filename}-shm`])
      if (existsSync(extra)) ensurePrivateFile(extra);
  }
  return knexFactory({
    client: "better-sqlite3",
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate: (
        conn: BetterSqlite3.Database,
        done: (err: Error | null, conn: unknown) => void,
      ) => {
        keepPreparedStatements(conn);
        conn.pragma("journal_mode = WAL");
        conn.pragma("synchronous = NORMAL");
        conn.pragma("foreign_keys = ON");
        conn.pragma("busy_timeout = 5000");
        done(null, conn);
      },
    },
  });
}

export function dialect(db: Knex): "sqlite" | "postgres" {
  return db.client.config.client === "pg" ? "postgres" : "sqlite";
}

/** How many queries wait for a database connection (SQLite: its one connection). */
export function waitingForConnection(db: Knex): number {
  return (db.client as { pool?: { numPendingAcquires(): number } }).pool?.numPendingAcquires() ?? 0;
}

/** Drops a PostgreSQL schema (test cleanup). No-op on SQLite. */
export async function dropSchema(db: Knex, schema: string): Promise<void> {
  if (dialect(db) === "postgres") await db.raw(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}
