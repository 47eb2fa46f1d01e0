// The wallet's tables. Balances and history are not here: they are read from the chain.
import { idempotencyMigration, type Migration } from "@aitbc/server-lib";

export const walletMigrations: readonly Migration[] = [
  idempotencyMigration,
  {
    name: "001-keystore",
    async up(db) {
      // One row: the KDF parameters and a sealed check value that proves the passphrase at startup.
      await db.schema.createTable("wallet_keystore", (t) => {
        t.integer("id").primary();
        t.string("kdf", 16).notNullable();
        t.string("salt", 64).notNullable();
        t.integer("n").notNullable();
        t.integer("r").notNullable();
        t.integer("p").notNullable();
        t.string("check_nonce", 64).notNullable();
        t.string("check_ciphertext", 128).notNullable();
        t.string("created_at", 32).notNullable();
      });
      await db.schema.createTable("wallet_accounts", (t) => {
        t.string("account_id", 128).primary();
        t.string("address", 45).notNullable().unique();
        t.string("public_key", 64).notNullable();
        t.string("secret_nonce", 64).notNullable();
        t.string("secret_ciphertext", 128).notNullable();
        t.string("created_at", 32).notNullable();
      });
    },
  },
  {
    name: "002-escrow-locks",
    async up(db) {
      // job_id is the primary key: it is what makes "lock a job at most once" hold across retries,
      // restarts and replicas.
      await db.schema.createTable("wallet_escrow_locks", (t) => {
        t.string("job_id", 128).primary();
        t.string("account_id", 128).notNullable();
        t.string("address", 45).notNullable();
        t.bigInteger("amount").notNullable();
        t.string("tx_hash", 66).notNullable();
        t.text("tx_json").notNullable();
        t.integer("nonce").notNullable();
        t.integer("block_height");
        t.string("status", 16).notNullable();
        t.string("created_at", 32).notNullable();
        t.string("updated_at", 32).notNullable();
        t.index(["account_id"]);
      });
    },
  },
];
