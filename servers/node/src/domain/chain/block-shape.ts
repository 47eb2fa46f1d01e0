// Structural check of a block that arrived from a peer (the P2P channel has no schema guard).
import type { SignedBlock } from "@aitbc/sdk";
import { checkTxShape } from "../ledger/tx-shape.js";
import { TxRejected } from "../ledger/tx-rejected.js";
import { BlockRejected } from "./block-rejected.js";

const HASH = /^0x[0-9a-f]{64}$/;
const HEADER_KEYS = [
  "chain_id",
  "height",
  "prev_hash",
  "timestamp",
  "proposer",
  "round",
  "tx_count",
  "tx_root",
  "state_root",
];
export const MAX_BLOCK_TXS = 10_000;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
const isCount = (v: unknown) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

export function checkBlockShape(value: unknown): SignedBlock {
  const bad = (detail: string) => new BlockRejected("malformed", detail);
  if (!isObject(value)) throw bad("block must be an object");
  const keys = Object.keys(value).sort().join(",");
  if (keys !== "hash,header,signature,transactions") throw bad("block has the wrong fields");
  const { header, hash, signature, transactions } = value;
  if (!isObject(header)) throw bad("header must be an object");
  if (Object.keys(header).sort().join(",") !== [...HEADER_KEYS].sort().join(","))
    throw bad("header has the wrong fields");
  if (typeof header.chain_id !== "string") throw bad("header.chain_id");
  if (!isCount(header.height) || (header.height as number) < 1) throw bad("header.height");
  if (typeof header.prev_hash !== "string" || !HASH.test(header.prev_hash))
    throw bad("header.prev_hash");
  if (typeof header.timestamp !== "string") throw bad("header.timestamp");
  if (typeof header.proposer !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(header.proposer))
    throw bad("header.proposer");
  if (!isCount(header.round)) throw bad("header.round");
  if (!isCount(header.tx_count)) throw bad("header.tx_count");
  for (const k of ["tx_root", "state_root"] as const)
    if (typeof header[k] !== "string" || !HASH.test(header[k] as string)) throw bad(`header.${k}`);
  if (typeof hash !== "string" || !HASH.test(hash)) throw bad("hash");
  if (typeof signature !== "string" || !/^[A-Za-z0-9_-]{86}$/.test(signature))
    throw bad("signature");
  if (!Array.isArray(transactions) || transactions.length > MAX_BLOCK_TXS)
    throw bad("transactions must be an array of at most 10000");
  transactions.forEach((tx, i) => {
    try {
      checkTxShape(tx);
    } catch (err) {
      if (err instanceof TxRejected) throw bad(`transactions[${i}]: ${err.message}`);
      throw err;
    }
  });
  return value as unknown as SignedBlock;
}
