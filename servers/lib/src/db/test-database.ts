// For tests: a fresh database per suite. SQLite in a temp dir by default; PostgreSQL (a fresh schema)
// when AITBC_TEST_DATABASE_URL is set, which .ci/run does so the same tests run on both.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { dropSchema, openDatabase, type Knex } from "./database.js";

export interface TestDatabase {
  url: string;
  schema?: string;
  kind: "sqlite" | "postgres";
  /** Opens a knex handle on it (may be called again to simulate a restart). */
  open(): Promise<Knex>;
  /** Removes everything the test created. */
  destroy(): Promise<void>;
}

export function testDatabaseKinds(): Array<"sqlite" | "postgres"> {
  return process.env.AITBC_TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];
}

export function createTestDatabase(kind: "sqlite" | "postgres" = "sqlite"): TestDatabase {
  if (kind === "postgres") {
    const url = process.env.AITBC_TEST_DATABASE_URL;
    if (!url) throw new Error("AITBC_TEST_DATABASE_URL is not set");
    const schema = `t_${randomBytes(6).toString("hex")}`;
    return {
      url,
      schema,
      kind,
      open: () => openDatabase({ url, schema, poolMax: 5 }),
      async destroy() {
        const db = await openDatabase({ url });
        try {
          await dropSchema(db, schema);
        } finally {
          await db.destroy();
        }
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "aitbc-test-db-"));
  const url = join(dir, "test.sqlite");
  return {
    url,
    kind,
    open: () => openDatabase({ url }),
    async destroy() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
