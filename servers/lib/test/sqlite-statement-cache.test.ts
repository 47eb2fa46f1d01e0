// openDatabase's SQLite connections keep prepared statements: knex's queries must reach the kept
// ones, and answers must be the ones an uncached connection gives, also after a migration changes
// a table and past the cache's size.
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type Knex, type TestDatabase } from "../src/index.js";

let database: TestDatabase;
let db: Knex;

beforeEach(async () => {
  database = createTestDatabase("sqlite");
  db = await database.open();
  await db.schema.createTable("things", (t) => {
    t.string("id").primary();
    t.integer("n").notNullable();
  });
  await db("things").insert([
    { id: "a", n: 1 },
    { id: "b", n: 2 },
  ]);
});
afterEach(async () => {
  await db.destroy();
  await database.destroy();
});

describe("the SQLite statement cache", () => {
  it("prepares a query's SQL once however often knex runs it", async () => {
    // better-sqlite3's own prepare, which the kept statements wrap: a knex that prepared through
    // anything but the connection's prepare, or a cache that missed, would call it every time.
    const prepare = vi.spyOn(Database.prototype, "prepare");
    try {
      const fresh = await database.open();
      try {
        const query = () => fresh("things").select("n").where({ id: "a" });
        const sql = query().toSQL().sql;
        for (let i = 0; i < 5; i++) expect(await query()).toEqual([{ n: 1 }]);
        expect(prepare.mock.calls.filter(([text]) => text === sql)).toHaveLength(1);
      } finally {
        await fresh.destroy();
      }
    } finally {
      prepare.mockRestore();
    }
  });

  it("answers repeated queries with the current rows", async () => {
    expect(await db("things").where({ id: "a" })).toEqual([{ id: "a", n: 1 }]);
    await db("things").where({ id: "a" }).update({ n: 5 });
    expect(await db("things").where({ id: "a" })).toEqual([{ id: "a", n: 5 }]);
    expect(await db("things").where({ id: "zz" })).toEqual([]);
  });

  it("sees a column a migration added to a table it has a statement for", async () => {
    expect(await db("things").where({ id: "b" })).toEqual([{ id: "b", n: 2 }]);
    await db.schema.alterTable("things", (t) => t.string("label"));
    await db("things").where({ id: "b" }).update({ label: "bee" });
    expect(await db("things").where({ id: "b" })).toEqual([{ id: "b", n: 2, label: "bee" }]);
  });

  it("stays correct past its size, with more distinct statements than it keeps", async () => {
    for (let i = 0; i < 600; i++) {
      const rows = await db("things")
        .select(db.raw(`n + ${i} as m`))
        .where({ id: "a" });
      expect(rows).toEqual([{ m: 1 + i }]);
    }
    expect(await db("things").select(db.raw("n + 0 as m")).where({ id: "b" })).toEqual([{ m: 2 }]);
  });

  it("reports a bad statement every time and still rolls back transactions", async () => {
    await expect(db.raw("select nope from things")).rejects.toThrow(/no such column/);
    await expect(db.raw("select nope from things")).rejects.toThrow(/no such column/);
    await expect(
      db.transaction(async (trx) => {
        await trx("things").insert({ id: "c", n: 3 });
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await db("things").where({ id: "c" })).toEqual([]);
    await db.transaction(async (trx) => {
      await trx("things").insert({ id: "c", n: 3 });
    });
    expect(await db("things").where({ id: "c" })).toEqual([{ id: "c", n: 3 }]);
  });

  it("honours safeIntegers per query, which the cache does not share", async () => {
    const big = await db("things").where({ id: "a" }).options({ safeIntegers: true });
    expect(big).toEqual([{ id: "a", n: 1n }]);
    expect(await db("things").where({ id: "a" })).toEqual([{ id: "a", n: 1 }]);
  });
});
