// The node calls the treasury needs, in its terms, over server-lib's node chain client (node down:
// Unavailable; a refused mint: ChainRejected).
import type { SignedTx } from "@aitbc/sdk";
import { nodeChainClient } from "@aitbc/server-lib";

export type TxStatus =
  /** In a final block. */
  | { status: "confirmed"; blockHeight: number }
  | { status: "pending" }
  | { status: "rejected"; reason: string }
  | { status: "unknown" };

export interface ChainClient {
  chainId(): Promise<string>;
  pendingNonce(address: string): Promise<number>;
  submit(tx: SignedTx): Promise<void>;
  status(txHash: string): Promise<TxStatus>;
  isReachable(): Promise<boolean>;
}

export function treasuryChainClient(nodeUrl: string): ChainClient {
  const chain = nodeChainClient(nodeUrl);
  return {
    chainId: () => chain.chainId(),
    isReachable: () => chain.isReachable(),
    async pendingNonce(address) {
      return (await chain.account(address)).pending_nonce;
    },
    async submit(tx) {
      await chain.submit(tx);
    },
    async status(txHash) {
      const s = await chain.getTransaction(txHash);
      if (s.status !== "confirmed") return s;
      // A mint counts only once its block is final: until then a reorg could take it back, so it
      // is still "pending" (neither minted nor to be signed again).
      return s.finalized
        ? { status: "confirmed", blockHeight: s.blockHeight }
        : { status: "pending" };
    },
  };
}
