// transaction(): commits what fn wrote when it resolves, leaves nothing behind when it throws,
// keeps concurrent transactions apart, and refuses a query made after its end. On both databases.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  testDatabaseKinds,
  transaction,
  type Knex,
  type TestDatabase,
} from "../src/index.js";

describe.each(testDatabaseKinds())("transaction() on %s", (kind) => {
  let database: TestDatabase;
  let db: Knex;

  beforeEach(async () => {
    database = createTestDatabase(kind);
    db = await database.open();
    await db.schema.createTable("accounts", (t) => {
      t.string("id").primary();
      t.integer("balance").notNullable();
    });
    await db("accounts").insert([
      { id: "a", balance: 10 },
      { id: "b", balance: 0 },
    ]);
  });
  afterEach(async () => {
    await db.destroy();
    await database.destroy();
  });

  const balances = async () =>
    Object.fromEntries(
      (await db("accounts").orderBy("id")).map((r: { id: string; balance: number }) => [
        r.id,
        Number(r.balance),
      ]),
    );

  /**
   * Moves `amount` from a to b, reading a's balance inside the transaction (locking the row on
   * PostgreSQL, as the services do; SQLite serializes the transactions themselves).
   */
  const move = (amount: number) =>
    transaction(db, async (trx) => {
      const read = trx("accounts").where({ id: "a" });
      const [a] = (await (kind === "postgres" ? read.forUpdate() : read)) as Array<{
        balance: number;
      }>;
      if (Number(a!.balance) < amount) throw new Error("insufficient");
      await trx("accounts").where({ id: "a" }).decrement("balance", amount);
      await trx("accounts").where({ id: "b" }).increment("balance", amount);
      return Number(a!.balance) - amount;
    });

  it("commits every write and returns fn's value", async () => {
    expect(await move(4)).toBe(6);
    expect(await balances()).toEqual({ a: 6, b: 4 });
  });

  it("rolls back every write when fn throws, and rethrows", async () => {
    await expect(
      transaction(db, async (trx) => {
        await trx("accounts").where({ id: "a" }).decrement("balance", 3);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await balances()).toEqual({ a: 10, b: 0 });
    // The connection is usable afterwards, in and out of transactions.
    expect(await move(1)).toBe(9);
  });

  it("rolls back when a statement fails (constraint violation)", async () => {
    await expect(
      transaction(db, async (trx) => {
        await trx("accounts").where({ id: "a" }).decrement("balance", 5);
        await trx("accounts").insert({ id: "b", balance: 1 });
      }),
    ).rejects.toThrow();
    expect(await balances()).toEqual({ a: 10, b: 0 });
  });

  it("keeps concurrent transactions from overspending", async () => {
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => move(3)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(await balances()).toEqual({ a: 1, b: 9 });
  });

  it("lets root-knex query listeners see the transaction's statements", async () => {
    const seen: string[] = [];
    const listener = (q: { sql: string }) => seen.push(q.sql);
    db.on("query", listener);
    await move(1);
    db.off("query", listener);
    expect(seen.some((sql) => /update/i.test(sql) && sql.includes("accounts"))).toBe(true);
  });

  it.runIf(kind === "sqlite")(
    "refuses to nest, leaving the outer transaction to roll back",
    async () => {
      await expect(
        transaction(db, async (trx) => {
          await trx("accounts").where({ id: "a" }).decrement("balance", 2);
          await transaction(trx, async () => undefined);
        }),
      ).rejects.toThrow(/outer trx/);
      expect(await balances()).toEqual({ a: 10, b: 0 });
    },
  );

  it.runIf(kind === "sqlite")("refuses a query made on the transaction after its end", async () => {
    let leaked: Knex.Transaction | undefined;
    await transaction(db, async (trx) => {
      leaked = trx;
      await trx("accounts").where({ id: "a" });
    });
    await expect(leaked!("accounts").where({ id: "a" }).update({ balance: 0 })).rejects.toThrow(
      /complete/,
    );
    expect(await balances()).toEqual({ a: 10, b: 0 });
  });
});
