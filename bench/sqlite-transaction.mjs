#!/usr/bin/env node
// The cost of one small SQLite transaction (read a row, update it, insert a row: the shape of a
// job transition) through each way the servers could run it, in the same run on the same file:
//   raw      better-sqlite3's own db.transaction() with prepared statements (the floor);
//   lib      transaction(db, fn) from @aitbc/server-lib: knex queries, the connection's reused
//            transaction knex (what every service uses);
//   knex     knex's db.transaction(fn): the same queries, a new transaction client per call.
// Rounds alternate (the machine is shared); reported: median CPU µs per transaction and each
// as a ratio of raw. Goal: lib costs at most half of knex's transaction.
// Build first: npx turbo run build --filter=@aitbc/server-lib...
//
//   node bench/sqlite-transaction.mjs [--transactions 5000] [--rounds 5]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, transaction } from "@aitbc/server-lib";
import Database from "better-sqlite3";
import { arg, median, pct, spread, us } from "./coordinator-bench-kit.mjs";

const GOAL = 0.5;
const N = arg("transactions", 5000);
const ROUNDS = arg("rounds", 5);

const dir = mkdtempSync(join(tmpdir(), "aitbc-bench-trx-"));
const file = join(dir, "trx.sqlite");
const db = await openDatabase({ url: file });
await db.schema.createTable("jobs", (t) => {
  t.string("id").primary();
  t.integer("seq").notNullable();
  t.string("status").notNullable();
});
await db.schema.createTable("events", (t) => {
  t.string("job_id").notNullable();
  t.integer("seq").notNullable();
  t.text("data").notNullable();
  t.primary(["job_id", "seq"]);
});
const IDS = Array.from({ length: 100 }, (_, i) => `job-${i}`);
await db("jobs").insert(IDS.map((id) => ({ id, seq: 0, status: "queued" })));

const raw = new Database(file);
raw.pragma("journal_mode = WAL");
raw.pragma("synchronous = NORMAL");
const get = raw.prepare("select * from jobs where id = ?");
const bump = raw.prepare("update jobs set seq = ?, status = ? where id = ?");
const event = raw.prepare("insert into events (job_id, seq, data) values (?, ?, ?)");
const rawStep = raw.transaction((id) => {
  const job = get.get(id);
  bump.run(job.seq + 1, "running", id);
  event.run(id, job.seq + 1, '{"status":"running"}');
});

/** The same transaction through knex, on `trx`. */
async function knexStep(trx, id) {
  const [job] = await trx("jobs").where({ id });
  await trx("jobs")
    .where({ id })
    .update({ seq: job.seq + 1, status: "running" });
  await trx("events").insert({ job_id: id, seq: job.seq + 1, data: '{"status":"running"}' });
}

let n = 0;
const ways = {
  raw: async () => rawStep(IDS[n++ % IDS.length]),
  lib: () => transaction(db, (trx) => knexStep(trx, IDS[n++ % IDS.length])),
  knex: () => db.transaction((trx) => knexStep(trx, IDS[n++ % IDS.length])),
};

async function round(way) {
  const c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) await ways[way]();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / N;
}

for (const way of Object.keys(ways)) await round(way); // warm-up
const runs = { raw: [], lib: [], knex: [] };
for (let r = 0; r < ROUNDS; r++) {
  const order = Object.keys(ways);
  if (r % 2) order.reverse();
  for (const way of order) runs[way].push(await round(way));
}
raw.close();
await db.destroy();
rmSync(dir, { recursive: true, force: true });

const cpu = (way) => median(runs[way]);
console.log(
  `sqlite-transaction: ${N} transactions (read, update, insert) per round, ${ROUNDS} alternating rounds`,
);
for (const [way, label] of [
  ["raw", "raw better-sqlite3"],
  ["lib", "server-lib transaction()"],
  ["knex", "knex db.transaction()"],
])
  console.log(
    `  ${label.padEnd(26)} ${us(cpu(way))} CPU/transaction (rounds ${spread(runs[way], us)}) = ${pct(
      cpu("raw") / cpu(way),
    )} of raw`,
  );
const ratio = cpu("lib") / cpu("knex");
console.log(
  `  lib/knex CPU = ${pct(ratio)} (goal <= ${GOAL * 100} %): ${ratio <= GOAL ? "PASS" : "FAIL"}`,
);
process.exit(ratio <= GOAL ? 0 : 1);
