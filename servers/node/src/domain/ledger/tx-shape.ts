// Structural checks of a signed transaction that arrived from outside (P2P gossip, blocks). The
// HTTP contract validator already enforces the same shape on submissions; peers get no such
// guard, so the node checks every field itself. Anything off is `invalid_payload`.
import { MAX_SETTLEMENT_ITEMS, parseMicro, type SignedTx, type TxType } from "@aitbc/sdk";
import { TxRejected } from "./tx-rejected.js";

const ADDRESS = /^aitbc[0-9a-f]{40}$/;
const PUBLIC_KEY = /^[A-Za-z0-9_-]{43}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const CHAIN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const RECEIPT_HASH = /^sha256:[0-9a-f]{64}$/;
const MICRO = /^(0|[1-9][0-9]{0,18})$/;
const ROOT = /^0x[0-9a-f]{64}$/;
const ITEM_KEYS = ["deposit_owner", "provider", "paid", "job_id"];
/** Optional in an item: absent means "0", so items signed before fees existed stay valid. */
const ITEM_OPTIONAL_KEYS = ["pool_fee"];

const TX_KEYS = ["type", "chain_id", "from", "nonce", "payload", "public_key", "signature"];

type FieldRule = { required: boolean; check: (v: unknown) => boolean };
const address: FieldRule["check"] = (v) => typeof v === "string" && ADDRESS.test(v);
const micro: FieldRule["check"] = (v) => typeof v === "string" && MICRO.test(v);
const id: FieldRule["check"] = (v) =>
  typeof v === "string" && v.length >= 1 && v.length <= 128 && ID.test(v);

const settlementItems: FieldRule["check"] = (v) =>
  Array.isArray(v) &&
  v.length >= 1 &&
  v.length <= MAX_SETTLEMENT_ITEMS &&
  v.every(
    (item) =>
      isObject(item) &&
      Object.keys(item).every((k) => ITEM_KEYS.includes(k) || ITEM_OPTIONAL_KEYS.includes(k)) &&
      ITEM_KEYS.every((k) => k in item) &&
      address(item.deposit_owner) &&
      address(item.provider) &&
      micro(item.paid) &&
      id(item.job_id) &&
      (item.pool_fee === undefined || micro(item.pool_fee)),
  );

const PAYLOAD_RULES: Record<TxType, Record<string, FieldRule>> = {
  transfer: { to: { required: true, check: address }, amount: { required: true, check: micro } },
  faucet: { to: { required: true, check: address }, amount: { required: true, check: micro } },
  mint: {
    to: { required: true, check: address },
    amount: { required: true, check: micro },
    reference: {
      required: false,
      // No lone surrogates: such a string has no canonical JSON, so it cannot be signed or hashed.
      check: (v) =>
        typeof v === "string" && v.length >= 1 && v.length <= 128 && !/\p{Surrogate}/u.test(v),
    },
  },
  escrow_lock: { job_id: { required: true, check: id }, amount: { required: true, check: micro } },
  escrow_release: {
    job_id: { required: true, check: id },
    paid: { required: true, check: micro },
    refund: { required: true, check: micro },
    provider: { required: false, check: address },
    receipt_hash: {
      required: false,
      check: (v) => typeof v === "string" && RECEIPT_HASH.test(v),
    },
    pool_fee: { required: false, check: micro },
  },
  deposit_lock: { amount: { required: true, check: micro } },
  deposit_withdraw: {},
  deposit_release: {},
  bond_lock: { amount: { required: true, check: micro } },
  bond_unlock: {},
  bond_release: {},
  bond_slash: {
    provider: { required: true, check: address },
    job_id: { required: true, check: id },
    customer: { required: true, check: address },
    refund: { required: true, check: micro },
    penalty: { required: true, check: micro },
    reason: { required: true, check: (v) => v === "spot_check_failed" || v === "dispute_upheld" },
  },
  settlement_batch: {
    batch_id: { required: true, check: id },
    receipts_root: { required: true, check: (v) => typeof v === "string" && ROOT.test(v) },
    items: { required: true, check: settlementItems },
  },
  pool_payout: {
    job_id: { required: true, check: id },
    provider: { required: true, check: address },
    amount: { required: true, check: micro },
    reason: { required: true, check: (v) => v === "verification_rerun" },
  },
};

/** The pool fee is part of what is paid, so it can never be more. */
function checkPoolFee(where: string, o: Record<string, unknown>): void {
  if (o.pool_fee === undefined) return;
  const fee = parseMicro(o.pool_fee as string);
  const paid = parseMicro(o.paid as string);
  if (fee > paid)
    throw invalid(
      `${where}.pool_fee (${fee}) is above ${where}.paid (${paid}): the fee comes out of what is paid.`,
    );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function invalid(detail: string): TxRejected {
  return new TxRejected("invalid_payload", detail);
}

/** Returns the value as a SignedTx, or throws TxRejected(invalid_payload) naming the bad field. */
export function checkTxShape(value: unknown): SignedTx {
  if (!isObject(value)) throw invalid("A transaction must be a JSON object.");
  for (const k of Object.keys(value))
    if (!TX_KEYS.includes(k)) throw invalid(`Unknown transaction field "${k}".`);
  const { type, chain_id, from, nonce, payload, public_key, signature } = value;
  if (typeof type !== "string" || !(type in PAYLOAD_RULES))
    throw invalid(`type must be one of ${Object.keys(PAYLOAD_RULES).join(", ")}.`);
  if (typeof chain_id !== "string" || chain_id.length > 64 || !CHAIN_ID.test(chain_id))
    throw invalid("chain_id is malformed.");
  if (!address(from)) throw invalid("from must be an aitbc address.");
  if (typeof nonce !== "number" || !Number.isSafeInteger(nonce) || nonce < 0)
    throw invalid("nonce must be a non-negative integer.");
  if (typeof public_key !== "string" || !PUBLIC_KEY.test(public_key))
    throw invalid("public_key must be a base64url ed25519 key.");
  if (typeof signature !== "string" || !SIGNATURE.test(signature))
    throw invalid("signature must be a base64url ed25519 signature.");
  checkPayload(type as TxType, payload);
  return value as unknown as SignedTx;
}

/** The payload's fields for its type, plus the semantic rules every node applies before state. */
export function checkPayload(type: TxType, payload: unknown): void {
  if (!isObject(payload)) throw invalid("payload must be an object.");
  const rules = PAYLOAD_RULES[type];
  for (const k of Object.keys(payload))
    if (!(k in rules)) throw invalid(`payload.${k} is not allowed in a ${type} transaction.`);
  for (const [k, rule] of Object.entries(rules)) {
    const v = payload[k];
    if (v === undefined) {
      if (rule.required) throw invalid(`payload.${k} is required in a ${type} transaction.`);
      continue;
    }
    if (!rule.check(v)) throw invalid(`payload.${k} is malformed.`);
  }
  try {
    if (type === "escrow_release") {
      parseMicro(payload.paid as string);
      parseMicro(payload.refund as string);
      if (parseMicro(payload.paid as string) > 0n && payload.provider === undefined)
        throw invalid("payload.provider is required when payload.paid is above zero.");
      checkPoolFee("payload", payload);
    } else if (type === "bond_slash") {
      const total = parseMicro(payload.refund as string) + parseMicro(payload.penalty as string);
      if (total === 0n) throw invalid("payload.refund + payload.penalty must be above zero.");
    } else if (type === "settlement_batch") {
      for (const [i, item] of (payload.items as Array<Record<string, unknown>>).entries()) {
        if (parseMicro(item.paid as string) === 0n)
          throw invalid("Every item's paid must be above zero.");
        checkPoolFee(`payload.items[${i}]`, item);
      }
    } else if ("amount" in rules && parseMicro(payload.amount as string) === 0n) {
      throw invalid("payload.amount must be above zero.");
    }
  } catch (err) {
    if (err instanceof TxRejected) throw err;
    throw invalid("An amount is above the chain's maximum.");
  }
}
