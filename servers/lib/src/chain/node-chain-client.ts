// What every server that signs transactions needs from a chain node, through the SDK's generated
// node client: the chain id, an account's nonces, submitting (a refusal is ChainRejected with the
// node's reason), a transaction's standing, blocks, and health. It lives here rather than in the
// SDK because its other half is the servers' error model: a node that is down or failing is
// Unavailable (503) for the server's own caller, and the SDK imports nothing of the servers.
import {
  AitbcError,
  NetworkError,
  NotFoundError,
  ServerError,
  createAitbcClient,
  type AitbcClient,
  type NodeTypes,
  type RequestSenderOptions,
  type SignedTx,
} from "@aitbc/sdk";
import { Unavailable } from "../errors.js";
import { ChainRejected } from "./chain-rejected.js";

export type NodeTxStatus =
  /** In a block; `finalized` once more than 2/3 of the validators built on it. */
  | { status: "confirmed"; blockHeight: number; finalized: boolean; timestamp?: string }
  | { status: "pending" }
  /** The node accepted it, then dropped it (for example a competing tx spent the money first). */
  | { status: "rejected"; reason: string }
  | { status: "unknown" };

export interface NodeBlock {
  height: number;
  txHashes: string[];
}

export type NodeAccount = NodeTypes.Account;

export interface NodeChainClient {
  /** The SDK's node client, for the calls only one server makes; run them through `call`. */
  readonly node: AitbcClient["node"];
  /** Runs a node call; a node that is down or failing becomes Unavailable naming `what`. */
  call<T>(what: string, run: () => Promise<T>): Promise<T>;
  chainId(): Promise<string>;
  account(address: string): Promise<NodeAccount>;
  headBlock(): Promise<NodeBlock>;
  block(height: number): Promise<NodeBlock>;
  /** Submits a signed tx and returns its hash; throws ChainRejected when the node refuses it. */
  submit(tx: SignedTx): Promise<string>;
  getTransaction(txHash: string): Promise<NodeTxStatus>;
  isReachable(): Promise<boolean>;
}

/** `http` replaces the SDK request options (a server that retries by itself passes `retries: 0`). */
export function nodeChainClient(
  nodeUrl: string,
  http: RequestSenderOptions = { retries: 2, maxDelayMs: 1000 },
): NodeChainClient {
  const { node } = createAitbcClient({ nodeUrl, http });

  async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof NetworkError || err instanceof ServerError)
        throw new Unavailable(
          `The chain node is unavailable (${what}: ${err.code}). Retry shortly.`,
        );
      throw err;
    }
  }

  const toBlock = (b: { height: number; transactions: Array<{ tx_hash: string }> }) => ({
    height: b.height,
    txHashes: b.transactions.map((t) => t.tx_hash),
  });

  return {
    node,
    call,

    async chainId() {
      return (await call("chain", () => node.getChain())).chain_id;
    },

    async account(address) {
      return await call("account", () => node.getAccount({ path: { address } }));
    },

    async headBlock() {
      return toBlock(await call("block", () => node.getLatestBlock()));
    },

    async block(height) {
      return toBlock(await call("block", () => node.getBlock({ path: { height } })));
    },

    async submit(tx) {
      try {
        const r = await call("submit", () =>
          node.submitTransaction({ body: tx as NodeTypes.Transaction }),
        );
        return r.tx_hash;
      } catch (err) {
        if (err instanceof AitbcError && err.code === "tx_rejected") {
          const reason = typeof err.problem.reason === "string" ? err.problem.reason : "unknown";
          throw new ChainRejected(reason, err.problem.detail ?? reason);
        }
        throw err;
      }
    },

    async getTransaction(txHash) {
      let view;
      try {
        view = await call("transaction", () => node.getTransaction({ body: { tx_hash: txHash } }));
      } catch (err) {
        if (err instanceof NotFoundError) return { status: "unknown" };
        throw err;
      }
      if (view.status === "confirmed" && view.block_height !== null)
        return {
          status: "confirmed",
          blockHeight: view.block_height,
          finalized: view.finalized === true,
          ...(view.timestamp ? { timestamp: view.timestamp } : {}),
        };
      if (view.status === "rejected")
        return { status: "rejected", reason: view.reason ?? "unknown" };
      return { status: "pending" };
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
