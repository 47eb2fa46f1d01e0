// The dev faucet: this validator signs a `faucet` transaction with its own key and waits for a
// block to include it, so a caller can use the money as soon as the answer arrives.
import { AppError } from "@aitbc/server-lib";
import { signTx } from "@aitbc/sdk";
import type { ChainNode } from "./chain-node.js";

export class FaucetDisabled extends AppError {
  constructor(detail: string) {
    super(403, "faucet_disabled", "Faucet disabled", detail);
  }
}

export interface FaucetResult {
  hash: string;
  status: "pending" | "confirmed";
  blockHeight: number | null;
}

export async function runFaucet(
  node: ChainNode,
  to: string,
  amount: bigint,
  waitMs: number,
): Promise<FaucetResult> {
  if (!node.env.rules.dev)
    throw new FaucetDisabled("This chain's genesis has dev: false, so it has no faucet.");
  const me = node.identity;
  if (!me)
    throw new FaucetDisabled(
      "This node has no validator key to sign a faucet transaction. Ask a validator node.",
    );
  // Reading the pending nonce and adding to the mempool happen without an await in between, so
  // concurrent faucet calls get consecutive nonces.
  const tx = signTx(
    {
      type: "faucet",
      chainId: node.env.rules.chainId,
      nonce: node.mempool.pendingNonce(me.address),
      payload: { to, amount: amount.toString() },
    },
    me.secretKey,
  );
  const { hash } = node.acceptTx(tx);
  // Inclusion can only happen after this synchronous code returns, so no block is missed.
  const height = await node.waitForInclusion(hash, waitMs);
  return height === undefined
    ? { hash, status: "pending", blockHeight: null }
    : { hash, status: "confirmed", blockHeight: height };
}
