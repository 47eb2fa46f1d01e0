import { idempotencyMigration, type Migration } from "@aitbc/server-lib";

export const exchangeMigrations: readonly Migration[] = [
  idempotencyMigration,
  {
    name: "001-orders",
    async up(db) {
      await db.schema.createTable("exchange_orders", (t) => {
        t.string("order_id", 32).primary();
        t.string("buyer_account_id", 128).notNullable();
        t.string("buyer_address", 45).notNullable();
        t.string("status", 24).notNullable();
        t.string("payment_method", 32).notNullable();
        t.bigInteger("amount_micro").notNullable();
        t.bigInteger("amount_sats").notNullable();
        t.bigInteger("rate").notNullable();
        t.string("deposit_address", 100).notNullable().unique();
        t.bigInteger("received_sats").notNullable();
        t.integer("confirmations").notNullable();
        t.text("btc_txids").notNullable();
        t.string("mint_tx_hash", 66);
        t.text("mint_tx_json");
        t.string("created_at", 32).notNullable();
        t.string("expires_at", 32).notNullable();
        t.string("paid_at", 32);
        t.string("minted_at", 32);
        t.index(["status"]);
        t.index(["buyer_account_id", "created_at"]);
      });
    },
  },
];
