// The state root's leaves and their running sum. Every non-empty account, open escrow and escrow
// tombstone is one JSON line; its leaf value is sha512 of the line read as a 512-bit integer, and
// the state's sum is the sum of its leaves modulo 2^512. Addition commutes, so a block updates the
// sum with one subtraction and one addition per record it changed, whatever the size of the state.
// 512 bits (not 256) keep the generalized-birthday attack on additive multiset hashes (finding
// lines whose leaves add up to a chosen sum) far out of reach.
import { createHash } from "node:crypto";
import type { StateRecord } from "./records.js";
import type { AccountState, EscrowRecord, EscrowState, EscrowTombstone } from "./state-records.js";

const MOD = 1n << 512n;

export function accountLine(address: string, a: AccountState): string {
  return JSON.stringify(["account", address, a.balance.toString(), a.nonce]);
}

export function escrowLine(e: EscrowRecord): string {
  if (e.status !== "locked") return tombstoneLine(e);
  const open: EscrowState = e;
  return JSON.stringify([
    "escrow",
    open.job_id,
    open.owner,
    open.amount.toString(),
    open.status,
    open.lock_tx_hash,
    open.lock_height,
  ]);
}

function tombstoneLine(t: EscrowTombstone): string {
  return JSON.stringify(["escrow_released", t.job_id, t.status, t.release_height]);
}

export function recordLine(r: StateRecord): string {
  switch (r.kind) {
    case "deposit":
      return JSON.stringify(["deposit", r.owner, r.amount.toString(), r.status, r.unlock_height]);
    case "settlement":
      return JSON.stringify([
        "settlement",
        r.batch_id,
        r.receipts_root,
        r.items,
        r.paid.toString(),
        r.tx_hash,
        r.height,
      ]);
    case "paid_job":
      return JSON.stringify(["paid_job", r.job_id, r.batch_id, r.height]);
    case "bond":
      return JSON.stringify(["bond", r.provider, r.amount.toString(), r.status, r.unlock_height]);
    case "slash":
      return JSON.stringify([
        "slash",
        r.job_id,
        r.provider,
        r.refund.toString(),
        r.penalty.toString(),
        r.height,
      ]);
    case "pool":
      return JSON.stringify(["verification_pool", r.amount.toString()]);
    case "pool_payout":
      return JSON.stringify(["pool_payout", r.job_id, r.provider, r.amount.toString(), r.height]);
  }
}

function leaf(line: string): bigint {
  return BigInt("0x" + createHash("sha512").update(line).digest("hex"));
}

function isEmpty(a: AccountState): boolean {
  return a.balance === 0n && a.nonce === 0;
}

type Kind = "account" | "escrow" | "record";
type Value = AccountState | EscrowRecord | StateRecord | null;

function leafOf(kind: Kind, key: string, value: Value): bigint {
  if (value === null) return 0n;
  if (kind === "record") return leaf(recordLine(value as StateRecord));
  if (kind === "account") {
    const a = value as AccountState;
    return isEmpty(a) ? 0n : leaf(accountLine(key, a));
  }
  return leaf(escrowLine(value as EscrowRecord));
}

/** `sum` with the leaf of `before` replaced by the leaf of `after`. */
export function leafSum(sum: bigint, kind: Kind, key: string, before: Value, after: Value): bigint {
  if (before === after) return sum;
  return (((sum - leafOf(kind, key, before) + leafOf(kind, key, after)) % MOD) + MOD) % MOD;
}

/** The sum over a whole state (at start, and to check the running sum). */
export function rootSumOf(
  accounts: ReadonlyMap<string, AccountState>,
  escrows: ReadonlyMap<string, EscrowRecord>,
  records: ReadonlyMap<string, StateRecord>,
): bigint {
  let sum = 0n;
  for (const [key, r] of records) sum += leafOf("record", key, r);
  for (const [address, a] of accounts) sum += leafOf("account", address, a);
  for (const e of escrows.values()) sum += leafOf("escrow", e.job_id, e);
  return sum % MOD;
}

/** The state root: `0x` + sha256 of the sum as 128 hex digits. */
export function rootFromSum(sum: bigint): string {
  const hex = sum.toString(16).padStart(128, "0");
  return "0x" + createHash("sha256").update(hex).digest("hex");
}
