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
  {
    name: "003-transfers",
    async up(db) {
      // A transfer is a row here before the node sees it. Its hash is the key (one row per
      // signature); the Idempotency-Key it was made under is unique, so a key stands for at most
      // one signed transfer.
      await db.schema.createTable("wallet_transfers", (t) => {
        t.string("tx_hash", 66).primary();
        t.string("account_id", 128).notNullable();
        t.string("address", 45).notNullable();
        t.string("to_address", 45).notNullable();
        t.bigInteger("amount").notNullable();
        t.integer("nonce").notNullable();
        t.text("tx_json").notNullable();
        t.string("idempotency_scope", 200);
        t.string("idempotency_key", 255);
        t.string("status", 16).notNullable();
        t.integer("block_height");
        t.string("created_at", 32).notNullable();
        t.string("updated_at", 32).notNullable();
        t.unique(["idempotency_scope", "idempotency_key"]);
        t.index(["status", "created_at"]);
        t.index(["address", "status", "nonce"]);
      });
    },
  },
];
