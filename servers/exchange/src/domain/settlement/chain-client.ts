// The three node calls the treasury needs, through the SDK. Node down: Unavailable.
import {
  AitbcError,
  NetworkError,
  NotFoundError,
  ServerError,
  createAitbcClient,
  type NodeTypes,
  type SignedTx,
} from "@aitbc/sdk";
import { Unavailable } from "@aitbc/server-lib";

export class ChainRejected extends Error {
  constructor(
    readonly reason: string,
    detail: string,
  ) {
    super(detail);
  }
}

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

export function nodeChainClient(nodeUrl: string): ChainClient {
  const { node } = createAitbcClient({ nodeUrl, http: { retries: 2, maxDelayMs: 1000 } });
  async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof NetworkError || err instanceof ServerError)
        throw new Unavailable(`The chain node is unavailable (${what}: ${err.code}).`);
      throw err;
    }
  }
  return {
    async chainId() {
      return (await call("chain", () => node.getChain())).chain_id;
    },
    async pendingNonce(address) {
      return (await call("account", () => node.getAccount({ path: { address } }))).pending_nonce;
    },
    async submit(tx) {
      try {
        await call("submit", () => node.submitTransaction({ body: tx as NodeTypes.Transaction }));
      } catch (err) {
        if (err instanceof AitbcError && err.code === "tx_rejected") {
          const reason = typeof err.problem.reason === "string" ? err.problem.reason : "unknown";
          throw new ChainRejected(reason, err.problem.detail ?? reason);
        }
        throw err;
      }
    },
    async status(txHash) {
      try {
        const v = await call("transaction", () =>
          node.getTransaction({ body: { tx_hash: txHash } }),
        );
        // A mint counts only once its block is final: until then a reorg could take it back,
        // so it is still "pending" (neither minted nor to be signed again).
        if (v.status === "confirmed" && v.finalized && v.block_height !== null)
          return { status: "confirmed", blockHeight: v.block_height };
        if (v.status === "rejected") return { status: "rejected", reason: v.reason ?? "unknown" };
        return { status: "pending" };
      } catch (err) {
        if (err instanceof NotFoundError) return { status: "unknown" };
        throw err;
      }
    },
    async isReachable() {
      try {
        await node.getHealth();
        return true;
      } catch {
        return false;
      }
    },
  };
}
