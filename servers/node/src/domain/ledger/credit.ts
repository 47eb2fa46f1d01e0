// Balance rules every transaction that credits or debits an account shares.
import { MAX_MICRO } from "@aitbc/sdk";
import type { StateOverlay } from "./state.js";
import { TxRejected } from "./tx-rejected.js";

export function credit(state: StateOverlay, address: string, amount: bigint): void {
  const a = state.account(address);
  state.setAccount(address, { balance: a.balance + amount, nonce: a.nonce });
}

export function checkCredit(state: StateOverlay, address: string, amount: bigint): void {
  if (state.account(address).balance + amount > MAX_MICRO)
    throw new TxRejected("invalid_payload", `The balance of ${address} would exceed the maximum.`);
}

export function insufficient(address: string, balance: bigint, needed: bigint): TxRejected {
  return new TxRejected(
    "insufficient_funds",
    `${address} has ${balance} micro-AITBC and needs ${needed}.`,
  );
}
