import { afterEach, describe, expect, it } from "vitest";
import {
  AppError,
  createTestDatabase,
  idempotencyMigration,
  idempotent,
  migrate,
  testDatabaseKinds,
  type Knex,
  type TestDatabase,
} from "../src/index.js";

describe.each(testDatabaseKinds())("idempotent() on %s", (kind) => {
  let tdb: TestDatabase;
  let db: Knex;
  afterEach(async () => {
    await db?.destroy();
    await tdb?.destroy();
  });

  async function open() {
    tdb = createTestDatabase(kind);
    db = await tdb.open();
    await migrate(db, [idempotencyMigration]);
  }

  it("runs once per key and replays the first response", async () => {
    await open();
    let runs = 0;
    const call = (body: unknown) =>
      idempotent(db, { scope: "acct-1:create", key: "k1", body }, async () => {
        runs++;
        return { status: 201, body: { id: `job-${runs}` } };
      });
    const first = await call({ a: 1 });
    const second = await call({ a: 1 });
    expect(first).toEqual({ status: 201, body: { id: "job-1" }, replayed: false });
    expect(second).toEqual({ status: 201, body: { id: "job-1" }, replayed: true });
    expect(runs).toBe(1);
  });

  it("refuses the same key with another body, and scopes keys per caller", async () => {
    await open();
    await idempotent(db, { scope: "a", key: "k", body: { x: 1 } }, async () => ({
      status: 201,
      body: 1,
    }));
    await expect(
      idempotent(db, { scope: "a", key: "k", body: { x: 2 } }, async () => ({
        status: 201,
        body: 2,
      })),
    ).rejects.toMatchObject({ status: 409, code: "idempotency_key_reused" });
    const other = await idempotent(db, { scope: "b", key: "k", body: { x: 2 } }, async () => ({
      status: 201,
      body: 2,
    }));
    expect(other.replayed).toBe(false);
  });

  it("forgets a key whose request failed, so the retry runs again", async () => {
    await open();
    await expect(
      idempotent(db, { scope: "a", key: "k", body: {} }, async () => {
        throw new AppError(503, "unavailable", "Service unavailable");
      }),
    ).rejects.toMatchObject({ code: "unavailable" });
    const retry = await idempotent(db, { scope: "a", key: "k", body: {} }, async () => ({
      status: 201,
      body: "ok",
    }));
    expect(retry).toEqual({ status: 201, body: "ok", replayed: false });
  });

  it("answers a concurrent duplicate with idempotency_in_progress", async () => {
    await open();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = idempotent(db, { scope: "a", key: "k", body: {} }, async () => {
      await gate;
      return { status: 201, body: "first" };
    });
    await new Promise((r) => setTimeout(r, 50));
    await expect(
      idempotent(db, { scope: "a", key: "k", body: {} }, async () => ({
        status: 201,
        body: "second",
      })),
    ).rejects.toMatchObject({ status: 409, code: "idempotency_in_progress" });
    release();
    expect((await first).body).toBe("first");
  });

  it("passes through when there is no key", async () => {
    await open();
    let runs = 0;
    const run = async () => ({ status: 200, body: ++runs });
    await idempotent(db, { scope: "a", key: undefined, body: {} }, run);
    await idempotent(db, { scope: "a", key: undefined, body: {} }, run);
    expect(runs).toBe(2);
  });
});
