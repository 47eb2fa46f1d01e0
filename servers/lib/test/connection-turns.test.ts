// ConnectionTurns keeps the SQLite pool's one connection and hands it out one holder at a time,
// first come first served; a waiter gives up after the acquire timeout, as knex's pool did.
import { describe, expect, it } from "vitest";
import { ConnectionTurns } from "../src/db/connection-turns.js";
import { createTestDatabase, migrate, waitingForConnection, transaction } from "../src/index.js";

function turns(timeoutMs = 1_000) {
  const log: string[] = [];
  let made = 0;
  const t = new ConnectionTurns<{ id: number }>(
    async () => {
      made++;
      log.push("make");
      return { id: made };
    },
    async (c) => {
      log.push(`give back ${c.id}`);
    },
    timeoutMs,
  );
  return { t, log, made: () => made };
}

describe("ConnectionTurns", () => {
  it("makes the connection once, even for concurrent first callers", async () => {
    const { t, made } = turns();
    const first = t.acquire();
    const second = t.acquire();
    const a = await first;
    t.release();
    const b = await second;
    expect(a).toBe(b);
    expect(made()).toBe(1);
    expect(t.owns(a)).toBe(true);
    expect(t.owns({ id: 1 })).toBe(false);
  });

  it("hands it to one holder at a time, in the order they asked", async () => {
    const { t } = turns();
    await t.acquire();
    const order: number[] = [];
    const waiting = [1, 2, 3].map((n) => t.acquire().then(() => order.push(n)));
    expect(t.waiting).toBe(3);
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setImmediate(r));
      expect(order).toHaveLength(i);
      t.release();
    }
    await Promise.all(waiting);
    expect(order).toEqual([1, 2, 3]);
    expect(t.waiting).toBe(0);
  });

  it("fails a waiter after the timeout, as knex's acquire does, and serves the others", async () => {
    const { t } = turns(50);
    await t.acquire();
    await expect(t.acquire()).rejects.toMatchObject({ name: "KnexTimeoutError" });
    expect(t.waiting).toBe(0);
    t.release();
    await expect(t.acquire()).resolves.toEqual({ id: 1 });
  });

  it("on close fails the waiters and gives the connection back once its holder is done", async () => {
    const { t, log } = turns();
    await t.acquire();
    const waiter = t.acquire();
    const closed = t.close();
    await expect(waiter).rejects.toThrow(/closed/);
    await closed;
    expect(log).toEqual(["make"]);
    t.release();
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(["make", "give back 1"]);
    await expect(t.acquire()).rejects.toThrow(/closing/);
  });

  it("retries making the connection after a failure", async () => {
    let fail = true;
    const t = new ConnectionTurns<string>(
      async () => {
        if (fail) throw new Error("disk full");
        return "conn";
      },
      async () => undefined,
      1_000,
    );
    await expect(t.acquire()).rejects.toThrow("disk full");
    fail = false;
    await expect(t.acquire()).resolves.toBe("conn");
  });
});

describe("the SQLite client's connection turns", () => {
  it("serve knex's clones (the migrator's) and the root alike, and count waiters", async () => {
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
