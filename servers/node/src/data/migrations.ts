import { idempotencyMigration, type Migration } from "@aitbc/server-lib";
import type { TxRow } from "./rows.js";
import { insertTxParties, txPartyRows } from "./tx-parties.js";

export const migrations: Migration[] = [
  idempotencyMigration,
  {
    name: "001-chain",
    async up(db) {
      await db.schema.createTable("chain_meta", (t) => {
        t.string("key", 64).primary();
        t.text("value").notNullable();
      });
      await db.schema.createTable("blocks", (t) => {
        t.integer("height").primary();
        t.string("hash", 66).notNullable().unique();
        t.string("prev_hash", 66).notNullable();
        t.string("timestamp", 32).notNullable();
        t.string("proposer", 43).notNullable();
        t.integer("round").notNullable();
        t.integer("tx_count").notNullable();
        t.string("tx_root", 66).notNullable();
        t.string("state_root", 66).notNullable();
        t.string("signature", 86).notNullable();
        t.bigInteger("weight").notNullable();
        // What the block replaced in the state (JSON), so a reorg can roll it back.
        t.text("undo").notNullable();
      });
      await db.schema.createTable("txs", (t) => {
        t.string("hash", 66).primary();
        t.integer("block_height").notNullable();
        t.integer("position").notNullable();
        t.string("type", 16).notNullable();
        t.string("from_address", 45).notNullable();
        t.string("to_address", 45);
        t.string("refund_to", 45);
        t.string("job_id", 128);
        t.bigInteger("amount").notNullable();
        t.text("body").notNullable();
        t.unique(["block_height", "position"]);
        t.index(["from_address", "block_height"]);
        t.index(["to_address", "block_height"]);
        t.index(["refund_to", "block_height"]);
        t.index(["job_id"]);
        t.index(["type", "block_height"]);
      });
      await db.schema.createTable("accounts", (t) => {
        t.string("address", 45).primary();
        t.bigInteger("balance").notNullable();
        t.bigInteger("nonce").notNullable();
      });
      await db.schema.createTable("escrows", (t) => {
        t.string("job_id", 128).primary();
        t.string("owner", 45).notNullable();
        t.bigInteger("amount").notNullable();
        t.string("status", 16).notNullable();
        t.bigInteger("paid");
        t.bigInteger("refund");
        t.string("provider", 45);
        t.string("receipt_hash", 71);
        t.string("lock_tx_hash", 66).notNullable();
        t.integer("lock_height").notNullable();
        t.string("release_tx_hash", 66);
        t.integer("release_height");
        t.index(["owner", "status"]);
      });
    },
  },
  {
    // Proof that a validator signed two blocks for one height (docs/chain.md, Equivocation).
    name: "002-equivocations",
    async up(db) {
      await db.schema.createTable("equivocations", (t) => {
        t.increments("id").primary();
        t.string("proposer", 43).notNullable();
        t.integer("height").notNullable();
        t.string("first_hash", 66).notNullable();
        t.string("second_hash", 66).notNullable();
        // Both signed headers (JSON of { header, hash, signature }).
        t.text("first").notNullable();
        t.text("second").notNullable();
        t.string("detected_at", 32).notNullable();
        t.unique(["proposer", "height", "first_hash", "second_hash"]);
      });
    },
  },
  {
    // Released escrows shrink to tombstones (job id, outcome, height); the lock and release
    // transactions keep the rest.
    name: "003-escrow-tombstones",
    async up(db) {
      await db.schema.createTable("escrow_tombstones", (t) => {
        t.string("job_id", 128).primary();
        t.string("status", 16).notNullable();
        t.integer("release_height").notNullable();
      });
      const released = (await db("escrows")
        .whereNot({ status: "locked" })
        .select("job_id", "status", "release_height")) as Array<Record<string, unknown>>;
      for (let i = 0; i < released.length; i += 100)
        await db("escrow_tombstones").insert(released.slice(i, i + 100));
      await db("escrows").whereNot({ status: "locked" }).delete();
    },
  },
  {
    // Deposits, settlement batches and the jobs batches paid (domain/ledger/records.ts), one row
    // each, keyed like the in-memory state.
    name: "004-state-records",
    async up(db) {
      await db.schema.createTable("state_records", (t) => {
        t.string("key", 200).primary();
        t.string("kind", 16).notNullable();
        t.text("body").notNullable();
      });
    },
  },
  {
    // The providers and deposit owners of settlement batches (data/tx-parties.ts), for address
    // histories; filled for the batches already stored.
    name: "005-tx-parties",
    async up(db) {
      await db.schema.createTable("tx_parties", (t) => {
        t.string("tx_hash", 66).notNullable();
        t.string("address", 45).notNullable();
        t.integer("block_height").notNullable();
        t.integer("position").notNullable();
        t.primary(["tx_hash", "address"]);
        t.index(["address", "block_height"]);
        t.index(["block_height"]);
      });
      const batches = (await db("txs").where({ type: "settlement_batch" })) as TxRow[];
      await insertTxParties(db, batches.flatMap(txPartyRows));
    },
  },
];
