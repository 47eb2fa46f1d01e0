// Idempotency-Key support for creates. The first request with a key inserts a pending row; when it
// finishes, its response is stored and every retry with the same key and body gets it back. The
// same key with another body is 409 idempotency_key_reused; a retry while the first is still
// running is 409 idempotency_in_progress. A request that fails with an error stores nothing, so
// it can be retried. A response that holds a secret (a new API key) is stored sealed when the
// caller passes a sealer: the table then never holds it in clear.
import { createHash } from "node:crypto";
import type { Knex } from "knex";
import { Conflict } from "../errors.js";
import { canonicalize } from "@aitbc/sdk";
import type { Migration } from "./migrations.js";
import type { SecretSealer } from "../crypto/secret-sealer.js";

export const IDEMPOTENCY_TABLE = "idempotency_keys";

export const idempotencyMigration: Migration = {
  name: "000-idempotency-keys",
  async up(db) {
    await db.schema.createTable(IDEMPOTENCY_TABLE, (t) => {
      t.string("scope", 200).notNullable();
      t.string("key", 255).notNullable();
      t.string("request_hash", 64).notNullable();
      t.integer("status");
      t.text("body");
      t.string("created_at", 32).notNullable();
      t.primary(["scope", "key"]);
    });
  },
};

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

export function requestHash(body: unknown): string {
  return createHash("sha256")
    .update(canonicalize(body ?? null))
    .digest("hex");
}

export async function idempotent<T>(
  db: Knex,
  params: { scope: string; key: string | undefined; body: unknown; sealer?: SecretSealer },
  run: () => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  if (!params.key) return { ...(await run()), replayed: false };
  const hash = requestHash(params.body);
  const where = { scope: params.scope, key: params.key };
  const context = `idempotency:${params.scope}:${params.key}`;
  try {
    await db(IDEMPOTENCY_TABLE).insert({
      ...where,
      request_hash: hash,
      created_at: new Date().toISOString(),
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const row = await db(IDEMPOTENCY_TABLE).where(where).first();
    if (!row) throw err;
    if (row.request_hash !== hash) {
      throw new Conflict(
        "idempotency_key_reused",
        "This Idempotency-Key was already used with a different request body. Use a new key for a new request.",
      );
    }
    if (row.status === null || row.status === undefined) {
      throw new Conflict(
        "idempotency_in_progress",
        "A request with this Idempotency-Key is still being processed. Retry in a moment.",
      );
    }
    return {
      status: Number(row.status),
      body: JSON.parse(
        params.sealer ? params.sealer.open(row.body as string, context) : (row.body as string),
      ) as T,
      replayed: true,
    };
  }
  try {
    const result = await run();
    await db(IDEMPOTENCY_TABLE)
      .where(where)
      .update({
        status: result.status,
        body: params.sealer
          ? params.sealer.seal(JSON.stringify(result.body), context)
          : JSON.stringify(result.body),
      });
    return { ...result, replayed: false };
  } catch (err) {
    await db(IDEMPOTENCY_TABLE).where(where).delete();
    throw err;
  }
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    e?.code === "23505" ||
    e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    e?.code === "SQLITE_CONSTRAINT_UNIQUE"
  );
}
