// The coordinator's tables. Migrations are code so they run from dist/ and in tests alike.
import { randomBytes } from "node:crypto";
import { idempotencyMigration, type Migration } from "@aitbc/server-lib";

export const migrations: readonly Migration[] = [
  idempotencyMigration,
  {
    name: "001-accounts",
    async up(db) {
      await db.schema.createTable("accounts", (t) => {
        t.string("id", 128).primary();
        t.string("name", 200).notNullable();
        t.string("role", 16).notNullable();
        t.string("tenant_id", 64).notNullable();
        t.string("api_key_hash", 64).notNullable().unique();
        t.string("address", 64).notNullable();
        t.string("created_at", 32).notNullable();
        t.index(["tenant_id", "role"]);
      });
    },
  },
  {
    name: "002-services",
    async up(db) {
      await db.schema.createTable("services", (t) => {
        t.string("service_id", 128).primary();
        t.string("provider_id", 128).notNullable();
        t.string("tenant_id", 64).notNullable();
        t.string("name", 200).notNullable();
        t.string("type", 64).notNullable();
        t.text("description");
        t.text("specs").notNullable();
        t.bigInteger("rate_micro").notNullable();
        t.string("currency", 16).notNullable();
        t.string("avail_start", 40);
        t.string("avail_end", 40);
        t.string("timezone", 64);
        t.string("status", 16).notNullable();
        t.string("created_at", 32).notNullable();
        t.string("updated_at", 32).notNullable();
        t.index(["provider_id"]);
        t.index(["status", "type"]);
      });
    },
  },
  {
    name: "003-miners",
    async up(db) {
      await db.schema.createTable("miners", (t) => {
        t.string("miner_id", 128).primary();
        t.string("provider_id", 128).notNullable();
        t.string("name", 200).notNullable();
        t.string("public_key", 64).notNullable();
        t.text("capabilities").notNullable();
        t.integer("max_concurrency").notNullable();
        t.string("last_heartbeat_at", 32).notNullable();
        t.string("registered_at", 32).notNullable();
        t.index(["provider_id"]);
      });
    },
  },
  {
    name: "004-jobs",
    async up(db) {
      await db.schema.createTable("jobs", (t) => {
        t.string("job_id", 64).primary();
        t.string("tenant_id", 64).notNullable();
        t.string("customer_id", 128).notNullable();
        t.string("service_id", 128).notNullable();
        t.string("provider_id", 128).notNullable();
        t.string("status", 16).notNullable();
        t.string("task_type", 64).notNullable();
        t.string("model", 200);
        t.text("requirements").notNullable();
        t.bigInteger("budget_micro").notNullable();
        t.bigInteger("unit_price_micro").notNullable();
        t.integer("ttl_seconds").notNullable();
        t.integer("attempts").notNullable().defaultTo(0);
        t.string("miner_id", 128);
        t.string("lease_id", 64);
        t.string("lease_expires_at", 32);
        t.string("created_at", 32).notNullable();
        t.string("updated_at", 32).notNullable();
        t.string("assigned_at", 32);
        t.string("started_at", 32);
        t.string("finished_at", 32);
        t.string("expires_at", 32).notNullable();
        t.text("notes").notNullable();
        t.string("failure_code", 64);
        t.text("failure_message");
        t.text("output");
        t.text("metering");
        t.integer("duration_ms");
        t.bigInteger("paid_micro");
        t.bigInteger("refund_micro");
        t.string("payment_status", 16).notNullable();
        t.string("lock_tx_hash", 80);
        t.string("settle_tx_hash", 80);
        t.string("receipt_hash", 80);
        t.integer("last_seq").notNullable().defaultTo(0);
        t.index(["status", "provider_id", "created_at"]);
        t.index(["customer_id", "created_at"]);
        t.index(["tenant_id", "created_at"]);
        t.index(["miner_id", "status"]);
        t.index(["status", "expires_at"]);
        t.index(["status", "lease_expires_at"]);
      });
      await db.schema.createTable("job_events", (t) => {
        t.string("job_id", 64).notNullable();
        t.integer("seq").notNullable();
        t.string("type", 16).notNullable();
        t.string("at", 32).notNullable();
        t.text("data").notNullable();
        t.primary(["job_id", "seq"]);
      });
    },
  },
  {
    name: "005-receipts-reviews-keys",
    async up(db) {
      await db.schema.createTable("receipts", (t) => {
        t.string("job_id", 64).primary();
        t.string("tenant_id", 64).notNullable();
        t.string("customer_id", 128).notNullable();
        t.string("provider_id", 128).notNullable();
        t.string("receipt_hash", 80).notNullable();
        t.text("receipt").notNullable();
        t.string("created_at", 32).notNullable();
        t.index(["created_at"]);
      });
      await db.schema.createTable("reviews", (t) => {
        t.string("review_id", 64).primary();
        t.string("job_id", 64).notNullable().unique();
        t.string("service_id", 128).notNullable();
        t.string("provider_id", 128).notNullable();
        t.string("customer_id", 128).notNullable();
        t.integer("rating").notNullable();
        t.text("review");
        t.string("created_at", 32).notNullable();
        t.index(["service_id", "created_at"]);
        t.index(["provider_id"]);
      });
      await db.schema.createTable("coordinator_keys", (t) => {
        t.string("key_id", 64).primary();
        t.string("public_key", 64).notNullable();
        t.string("secret_key", 64).notNullable();
        t.string("created_at", 32).notNullable();
      });
    },
  },
  {
    name: "006-settlement-outbox",
    async up(db) {
      await db.schema.createTable("settlement_outbox", (t) => {
        t.string("job_id", 64).primary();
        t.string("kind", 16).notNullable();
        t.bigInteger("amount_micro").notNullable();
        t.bigInteger("paid_micro").notNullable();
        t.bigInteger("refund_micro").notNullable();
        t.string("provider_address", 64);
        t.string("receipt_hash", 80);
        t.string("status", 16).notNullable();
        t.text("signed_tx");
        t.string("tx_hash", 80);
        t.integer("attempts").notNullable().defaultTo(0);
        t.text("last_error");
        t.string("next_attempt_at", 32).notNullable();
        t.string("created_at", 32).notNullable();
        t.string("updated_at", 32).notNullable();
        t.index(["status", "next_attempt_at"]);
      });
    },
  },
  {
    // An account has many keys (rotation, revocation). accounts.api_key_hash keeps the hash of the
    // account's first key only; authentication reads api_keys.
    name: "007-api-keys",
    async up(db) {
      await db.schema.createTable("api_keys", (t) => {
        t.string("key_id", 32).primary();
        t.string("account_id", 128).notNullable();
        t.string("key_hash", 64).notNullable().unique();
        t.string("prefix", 32).notNullable();
        t.string("created_at", 32).notNullable();
        t.string("expires_at", 32);
        t.string("revoked_at", 32);
        t.index(["account_id", "created_at"]);
      });
      const accounts = (await db("accounts").select(
        "id",
        "api_key_hash",
        "role",
        "created_at",
      )) as Array<{
        id: string;
        api_key_hash: string;
        role: string;
        created_at: string;
      }>;
      // Stored createAccount answers held new API keys in clear; they are sealed from now on.
      // Dropping the old ones only turns a late retry into a new request (409 for a chosen id).
      await db("idempotency_keys").where("scope", "like", "createAccount:%").delete();
      for (const a of accounts)
        await db("api_keys").insert({
          key_id: randomBytes(16).toString("hex"),
          account_id: a.id,
          key_hash: a.api_key_hash,
          prefix: `ak_${a.role}_`,
          created_at: a.created_at,
        });
    },
  },
  {
    // Receipt keys with validity windows and sealed secrets. Rows of coordinator_keys (secrets in
    // clear) are sealed into this table and deleted at startup, where the sealing key is known.
    name: "008-receipt-keys",
    async up(db) {
      await db.schema.createTable("receipt_keys", (t) => {
        t.string("key_id", 64).primary();
        t.string("public_key", 64).notNullable();
        // null when the secret comes from AITBC_RECEIPT_SECRET_KEY (never stored).
        t.text("sealed_secret");
        t.string("created_at", 32).notNullable();
        t.string("valid_from", 32).notNullable();
        t.string("valid_until", 32);
      });
    },
  },
  {
    // Public browsing by model and provider reputation answer from indexes, not full scans.
    name: "009-miner-models-and-duration-index",
    async up(db) {
      await db.schema.createTable("miner_models", (t) => {
        t.string("miner_id", 128).notNullable();
        t.string("model", 200).notNullable();
        t.string("provider_id", 128).notNullable();
        t.primary(["miner_id", "model"]);
        t.index(["model", "provider_id"]);
      });
      const miners = (await db("miners").select(
        "miner_id",
        "provider_id",
        "capabilities",
      )) as Array<{
        miner_id: string;
        provider_id: string;
        capabilities: string;
      }>;
      for (const m of miners) {
        const rows = minerModelRows(m.miner_id, m.provider_id, m.capabilities);
        if (rows.length) await db("miner_models").insert(rows);
      }
      await db.schema.alterTable("jobs", (t) => {
        t.index(["provider_id", "status", "duration_ms"]);
      });
    },
  },
  {
    // Prepaid deposits: each job funded from a deposit holds a reservation against its owner's
    // on-chain deposit from submit until a settlement batch pays it (or the job ends unpaid).
    // deposit_accounts caches the finalized on-chain deposit; its row is also the lock that
    // serializes reservations of one owner across replicas.
    name: "010-deposits-and-settlement-batches",
    async up(db) {
      await db.schema.alterTable("jobs", (t) => {
        t.string("funding", 16).notNullable().defaultTo("escrow");
      });
      await db.schema.createTable("deposit_accounts", (t) => {
        t.string("owner_address", 64).primary();
        t.bigInteger("chain_amount_micro").notNullable();
        t.integer("chain_height").notNullable();
        t.string("chain_status", 16).notNullable();
        t.string("refreshed_at", 32).notNullable();
      });
      await db.schema.createTable("deposit_reservations", (t) => {
        t.string("job_id", 64).primary();
        t.string("owner_address", 64).notNullable();
        t.bigInteger("amount_micro").notNullable();
        t.string("status", 16).notNullable();
        t.string("provider_address", 64);
        t.string("receipt_hash", 80);
        t.string("batch_id", 64);
        t.integer("settled_height");
        t.string("created_at", 32).notNullable();
        t.string("updated_at", 32).notNullable();
        t.index(["owner_address", "status"]);
        t.index(["status", "updated_at"]);
        t.index(["batch_id"]);
      });
      await db.schema.createTable("settlement_batches", (t) => {
        t.string("batch_id", 64).primary();
        t.string("status", 16).notNullable();
        t.string("receipts_root", 80).notNullable();
        t.integer("item_count").notNullable();
        t.bigInteger("total_micro").notNullable();
        t.text("signed_tx");
        t.string("tx_hash", 80);
        t.integer("block_height");
        t.integer("attempts").notNullable().defaultTo(0);
        t.text("last_error");
        t.string("next_attempt_at", 32).notNullable();
        t.string("created_at", 32).notNullable();
        t.string("updated_at", 32).notNullable();
        t.index(["status", "next_attempt_at"]);
      });
      await db.schema.createTable("settlement_batch_items", (t) => {
        t.string("job_id", 64).primary();
        t.string("batch_id", 64).notNullable();
        t.integer("leaf_index").notNullable();
        t.string("receipt_hash", 80).notNullable();
        t.text("proof").notNullable();
        t.index(["batch_id", "leaf_index"]);
      });
    },
  },
  {
    // Re-executions of completed jobs (spot checks and disputes), the bond slashes they end in,
    // and the columns that pin a re-run to one miner of another provider.
    name: "011-verification",
    async up(db) {
      await db.schema.alterTable("jobs", (t) => {
        t.string("pinned_miner_id", 128);
        t.string("verifies_job_id", 64);
      });
      await db.schema.createTable("verification_checks", (t) => {
        t.string("check_id", 64).primary();
        t.string("job_id", 64).notNullable();
        t.string("kind", 16).notNullable();
        t.string("tenant_id", 64).notNullable();
        t.string("customer_id", 128).notNullable();
        t.string("provider_id", 128).notNullable();
        t.text("reason");
        t.string("status", 16).notNullable();
        t.text("verdict");
        t.string("rerun_job_id", 64);
        t.string("verifier_provider_id", 128);
        t.bigInteger("verifier_payout_micro");
        t.string("verifier_payout_status", 16);
        t.string("verifier_payout_tx", 80);
        t.bigInteger("refund_micro");
        t.bigInteger("fee_micro");
        t.string("next_attempt_at", 32).notNullable();
        t.string("created_at", 32).notNullable();
        t.string("updated_at", 32).notNullable();
        t.string("resolved_at", 32);
        t.unique(["job_id", "kind"]);
        t.index(["status", "next_attempt_at"]);
        t.index(["provider_id", "status"]);
      });
      await db.schema.createTable("verification_slashes", (t) => {
        t.string("job_id", 64).primary();
        t.string("check_id", 64).notNullable();
        t.string("reason", 32).notNullable();
        t.string("provider_id", 128).notNullable();
        t.string("customer_id", 128).notNullable();
        t.bigInteger("refund_micro").notNullable();
        t.bigInteger("penalty_micro").notNullable();
        t.string("status", 16).notNullable();
        t.string("tx_hash", 80);
        t.integer("block_height");
        t.integer("attempts").notNullable().defaultTo(0);
        t.text("last_error");
        t.string("next_attempt_at", 32).notNullable();
        t.string("created_at", 32).notNullable();
        t.string("updated_at", 32).notNullable();
        t.index(["status", "next_attempt_at"]);
      });
    },
  },
  {
    // Services and jobs priced per 1,000 tokens: rate_micro / unit_price_micro then hold the
    // price per 1,000 output tokens, input_price_micro the price per 1,000 input tokens (null
    // when input is free).
    name: "012-token-pricing",
    async up(db) {
      for (const table of ["services", "jobs"]) {
        await db.schema.alterTable(table, (t) => {
          t.string("unit_type", 16).notNullable().defaultTo("gpu_seconds");
          t.bigInteger("input_price_micro");
        });
      }
    },
  },
  {
    // The last throughput check of each service: how fast its last checkable inference job ran
    // against what the claimed GPU should reach.
    name: "013-hardware",
    async up(db) {
      await db.schema.createTable("service_throughput", (t) => {
        t.string("service_id", 64).primary();
        t.string("job_id", 64).notNullable();
        t.string("miner_id", 64).notNullable();
        t.string("gpu_class", 64).notNullable();
        t.double("tokens_per_s").notNullable();
        t.double("expected_tokens_per_s").notNullable();
        t.boolean("shortfall").notNullable();
        t.string("checked_at", 32).notNullable();
      });
    },
  },
];

function minerModelRows(minerId: string, providerId: string, capabilities: string) {
  const names = new Set(
    (JSON.parse(capabilities) as { models?: Array<{ name: string }> }).models?.map((m) => m.name),
  );
  return [...names].map((model) => ({ miner_id: minerId, model, provider_id: providerId }));
}
