import { NotFound } from "@aitbc/server-lib";
import type { NodeTypes } from "@aitbc/sdk";
import { BlockRepo } from "../../data/block-repo.js";
import { TxRepo } from "../../data/tx-repo.js";
import { checkTxShape } from "../../domain/ledger/tx-shape.js";
import { txHashFast } from "../../domain/ledger/tx-hash.js";
import { txSummary } from "../../domain/node/tx-summary.js";
import { SubmitIdempotency } from "../submit-idempotency.js";
import { decodeTxCursor, encodeTxCursor } from "../cursor.js";
import type { NodeDeps } from "../deps.js";
import type { NodeHandlers } from "../routes.gen.js";
import { confirmedTxView, unconfirmedTxView } from "../views/tx-view.js";

export function transactionRoutes(
  deps: NodeDeps,
): NodeHandlers<"getTransaction" | "submitTransaction" | "listTransactions"> {
  const txs = new TxRepo(deps.db);
  const blocks = new BlockRepo(deps.db);
  const { node } = deps;
  const submissions = new SubmitIdempotency<NodeTypes.SubmitTransactionResponses[202]>();

  return {
    async getTransaction({ body: { tx_hash } }) {
      const row = await txs.byHash(tx_hash);
      let body: NodeTypes.GetTransactionResponses[200];
      if (row) {
        const block = await blocks.byHeight(row.block_height);
        body = confirmedTxView(row, {
          blockHash: block!.hash,
          timestamp: block!.timestamp,
          finalized: row.block_height <= node.chain.finalized.height,
        });
      } else {
        const pending = node.mempool.get(tx_hash);
        const dropped = pending ? undefined : node.mempool.droppedInfo(tx_hash);
        const tx = pending?.tx ?? dropped?.tx;
        if (!tx)
          throw new NotFound(
            `No transaction ${tx_hash} on this node: not in a block, not pending. Check the hash, or ask another node.`,
          );
        body = unconfirmedTxView(
          tx_hash,
          tx,
          txSummary(tx, node.chain.state),
          dropped?.reason ?? null,
        );
      }
      return { status: 200, body };
    },

    async submitTransaction({ body: input }, { req }) {
      // Shape first: a string without canonical JSON must be a 422, not a failure to hash the body.
      const tx = checkTxShape(input);
      const key = req.header("Idempotency-Key");
      const replayed = submissions.replay(key, tx.from, txHashFast(tx));
      if (replayed) return { status: 202, body: replayed };
      const { hash } = node.acceptTx(tx);
      const body: NodeTypes.SubmitTransactionResponses[202] = { tx_hash: hash, status: "pending" };
      submissions.remember(key, tx.from, hash, body);
      return { status: 202, body };
    },

    async listTransactions({ query: q }) {
      const limit = Number(q.limit ?? 20);
      const before = decodeTxCursor(q.cursor);
      const rows = await txs.list({
        limit,
        ...(q.address ? { address: q.address } : {}),
        ...(q.type ? { type: q.type } : {}),
        ...(q.job_id ? { jobId: q.job_id } : {}),
        ...(before ? { before } : {}),
      });
      const heights = [...new Set(rows.map((r) => r.block_height))];
      const blockAt = new Map<number, { hash: string; timestamp: string }>();
      for (const h of heights) {
        const b = await blocks.byHeight(h);
        if (b) blockAt.set(h, { hash: b.hash, timestamp: b.timestamp });
      }
      const items = rows.map((r) => {
        const b = blockAt.get(r.block_height)!;
        return confirmedTxView(r, {
          blockHash: b.hash,
          timestamp: b.timestamp,
          finalized: r.block_height <= node.chain.finalized.height,
        });
      });
      const last = rows[rows.length - 1];
      const body: NodeTypes.ListTransactionsResponses[200] = {
        items,
        page: {
          limit,
          next_cursor:
            rows.length === limit && last ? encodeTxCursor(last.block_height, last.position) : null,
        },
      };
      return { status: 200, body };
    },
  };
}
