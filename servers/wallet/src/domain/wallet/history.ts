// The caller's history, read from the chain so that transactions signed outside this wallet
// (non-custodial users, the faucet, the exchange's mints, settlements) show up too.
import type {
  EscrowReleasePayload,
  PoolPayoutPayload,
  SettlementBatchPayload,
  SignedTx,
} from "@aitbc/sdk";
import type { Caller } from "@aitbc/server-lib";
import type { ChainHistoryEntry } from "../chain/chain-gateway.js";
import type { WalletContext } from "../wallet-context.js";
import { addressToRead } from "./caller-account.js";

export interface HistoryItem {
  txHash: string;
  type: SignedTx["type"];
  direction: "in" | "out" | "self";
  from: string;
  to?: string;
  amountMicro: bigint;
  jobId?: string;
  nonce: number;
  blockHeight: number;
  timestamp?: string;
}

export async function listHistory(
  ctx: WalletContext,
  caller: Caller,
  query: { address?: string; limit: number; cursor?: string },
): Promise<{ address: string; items: HistoryItem[]; nextCursor: string | null }> {
  const address = await addressToRead(ctx.keystore, caller, query.address);
  const page = await ctx.chain.listAddressTransactions(address, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return {
    address,
    items: page.items.map((entry) => asSeenBy(address, entry)),
    nextCursor: page.nextCursor,
  };
}

function asSeenBy(address: string, entry: ChainHistoryEntry): HistoryItem {
  const { tx } = entry;
  const base = {
    txHash: entry.txHash,
    type: tx.type,
    from: tx.from,
    nonce: tx.nonce,
    blockHeight: entry.blockHeight,
    ...(entry.timestamp ? { timestamp: entry.timestamp } : {}),
  };
  if (tx.type === "escrow_release") {
    const p = tx.payload as EscrowReleasePayload;
    // Seen by the provider it is the payment (less the verification pool's fee); by anyone else
    // (the customer) the refund.
    const asProvider = p.provider === address;
    return {
      ...base,
      direction: "in",
      ...(p.provider ? { to: p.provider } : {}),
      amountMicro: asProvider ? BigInt(p.paid) - BigInt(p.pool_fee ?? "0") : BigInt(p.refund),
      jobId: p.job_id,
    };
  }
  if (tx.type === "escrow_lock") {
    const p = tx.payload as { job_id: string; amount: string };
    return { ...base, direction: "out", amountMicro: BigInt(p.amount), jobId: p.job_id };
  }
  // Deposit transactions move money between the address's balance and its own deposit.
  if (tx.type === "deposit_lock")
    return { ...base, direction: "out", amountMicro: entry.amountMicro };
  if (tx.type === "deposit_release")
    return { ...base, direction: "in", to: address, amountMicro: entry.amountMicro };
  if (tx.type === "deposit_withdraw")
    return { ...base, direction: "self", amountMicro: entry.amountMicro };
  if (tx.type === "settlement_batch") {
    // A provider sees what the batch paid it; a customer what it drew from the deposit.
    const items = (tx.payload as SettlementBatchPayload).items;
    const paid = items.filter((i) => i.provider === address);
    const drawn = items.filter((i) => i.deposit_owner === address);
    const sum = (list: typeof items, fees = false) =>
      list.reduce((t, i) => t + BigInt(i.paid) - (fees ? BigInt(i.pool_fee ?? "0") : 0n), 0n);
    return paid.length > 0
      ? { ...base, direction: "in", to: address, amountMicro: sum(paid, true) }
      : { ...base, direction: "out", amountMicro: sum(drawn) };
  }
  if (tx.type === "pool_payout") {
    // The provider whose miner re-ran a job, paid from the verification pool.
    const p = tx.payload as PoolPayoutPayload;
    return {
      ...base,
      direction: "in",
      to: p.provider,
      amountMicro: BigInt(p.amount),
      jobId: p.job_id,
    };
  }
  const p = tx.payload as { to: string; amount: string };
  const out = tx.from === address;
  const into = p.to === address;
  return {
    ...base,
    to: p.to,
    direction: out && into ? "self" : into ? "in" : "out",
    amountMicro: BigInt(p.amount),
  };
}
