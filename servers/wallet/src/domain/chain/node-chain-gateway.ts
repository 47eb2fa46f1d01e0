// The ChainGateway over a node's RPC, through the SDK. Node down or failing: Unavailable (503) for
// the wallet's caller. A refused transaction: ChainRejected with the node's reason.
import {
  AitbcError,
  NetworkError,
  NotFoundError,
  ServerError,
  ValidationError,
  createAitbcClient,
  parseMicro,
  type NodeTypes,
  type SignedTx,
} from "@aitbc/sdk";
import { Unavailable, ValidationFailed } from "@aitbc/server-lib";
import {
  ChainRejected,
  type ChainAccount,
  type ChainBlock,
  type ChainGateway,
  type ChainHistoryPage,
  type ChainTxStatus,
} from "./chain-gateway.js";

export function nodeChainGateway(nodeUrl: string): ChainGateway {
  const { node } = createAitbcClient({ nodeUrl, http: { retries: 2, maxDelayMs: 1000 } });

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

  return {
    async chainId() {
      const info = await call("chain", () => node.getChain());
      return info.chain_id;
    },

    async headBlock(): Promise<ChainBlock> {
      const b = await call("block", () => node.getLatestBlock());
      return { height: b.height, txHashes: b.transactions.map((t) => t.tx_hash) };
    },

    async block(height): Promise<ChainBlock> {
      const b = await call("block", () => node.getBlock({ path: { height } }));
      return { height: b.height, txHashes: b.transactions.map((t) => t.tx_hash) };
    },

    async getAccount(address): Promise<ChainAccount> {
      const a = await call("account", () => node.getAccount({ path: { address } }));
      return {
        address: a.address,
        balanceMicro: parseMicro(a.balance_micro),
        lockedMicro: parseMicro(a.locked_micro),
        nonce: a.nonce,
        pendingNonce: a.pending_nonce,
      };
    },

    async submit(tx: SignedTx) {
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

    async getTransaction(txHash): Promise<ChainTxStatus> {
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
          ...(view.timestamp ? { timestamp: view.timestamp } : {}),
        };
      if (view.status === "rejected")
        return { status: "rejected", reason: view.reason ?? "unknown" };
      return { status: "pending" };
    },

    async listAddressTransactions(address, page): Promise<ChainHistoryPage> {
      let r;
      try {
        r = await call("transactions", () =>
          node.listTransactions({
            query: { address, limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) },
          }),
        );
      } catch (err) {
        // Everything else in the query was validated here already; the cursor is the node's.
        if (err instanceof ValidationError && page.cursor)
          throw ValidationFailed.field("query.cursor", "is not a cursor of this listing");
        throw err;
      }
      return {
        items: r.items
          .filter((v) => v.status === "confirmed" && v.block_height !== null)
          .map((v) => ({
            txHash: v.tx_hash,
            tx: v.tx as SignedTx,
            blockHeight: v.block_height as number,
            ...(v.timestamp ? { timestamp: v.timestamp } : {}),
          })),
        nextCursor: r.page.next_cursor,
      };
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
