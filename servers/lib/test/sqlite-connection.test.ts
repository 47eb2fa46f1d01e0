// The SQLite pool holds one connection: a query on the root knex waits while a transaction holds
// it, waitingForConnection() counts it, and the migrator's clone of the client shares the pool.
import { describe, expect, it } from "vitest";
import { createTestDatabase, migrate, waitingForConnection, transaction } from "../src/index.js";

describe("the SQLite connection", () => {
  it("serves the migrator and the root knex, one holder at a time, and counts waiters", async () => {
    const database = createTestDatabase("sqlite");
    const db = await database.open();
    let release: (() => void) | undefined;
    try {
      // The migrator runs on a clone of the client before the root has queried anything.
      await migrate(db, [
        {
          name: "001_things",
          up: async (k) => {
            await k.schema.createTable("things", (t) => t.string("id").primary());
          },
        },
      ]);
      const held = new Promise<void>((r) => (release = r));
      const tx = transaction(db, async (trx) => {
        await trx("things").insert({ id: "a" });
        await held;
      });
      await new Promise((r) => setTimeout(r, 20));
      // A query on the root knex while the transaction holds the one connection: it waits.
      const read = db("things")
        .select("id")
        .then((rows) => rows);
      await new Promise((r) => setTimeout(r, 20));
      expect(waitingForConnection(db)).toBe(1);
      release!();
      await tx;
      expect(await read).toEqual([{ id: "a" }]);
      expect(waitingForConnection(db)).toBe(0);
    } finally {
      release?.();
      await db.destroy();
      await database.destroy();
    }
  });
});
