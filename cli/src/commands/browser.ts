// `aitbc browser`: the chain explorer in the terminal (latest blocks, transactions, receipts).
import { intOption, noPositionals } from "../args.js";
import { aitbc, microAitbc, shortHash, time } from "../output/format.js";
import type { Receipt } from "@aitbc/sdk";
import type { Command } from "./command.js";

export const browserCommand: Command = {
  name: "browser",
  summary: "recent blocks, transactions and receipts",
  synopsis: "browser [--block-limit N] [--tx-limit N] [--receipt-limit N]",
  usage: "browser [--block-limit N] [--tx-limit N] [--receipt-limit N]",
  help: `Options (without any, each section shows 5):
  --block-limit N     show the N latest blocks
  --tx-limit N        show the N latest transactions
  --receipt-limit N   show the N latest receipts (yours, or all with --as admin)`,
  identity: "customer",
  options: {
    "block-limit": { type: "string" },
    "tx-limit": { type: "string" },
    "receipt-limit": { type: "string" },
  },
  async run({ client, out, values, positionals }) {
    noPositionals(positionals);
    const range = { min: 1, max: 100 };
    let blocks = intOption(values, "block-limit", range);
    let txs = intOption(values, "tx-limit", range);
    let receipts = intOption(values, "receipt-limit", range);
    if (blocks === undefined && txs === undefined && receipts === undefined)
      blocks = txs = receipts = 5;
    out.progress("reading the chain…");
    const [head, blockPage, txPage, receiptPage] = await Promise.all([
      client.node.getSyncStatus(),
      blocks ? client.node.listBlocks({ query: { limit: blocks } }) : undefined,
      txs ? client.node.listTransactions({ query: { limit: txs } }) : undefined,
      receipts ? client.coordinator.listReceipts({ query: { limit: receipts } }) : undefined,
    ]);
    out.line(
      `Chain ${head.chain_id}: height ${head.height}, head ${shortHash(head.head_hash)}, ${head.mempool_size} pending tx, ${head.peers.filter((p) => p.connected).length} peer connections`,
    );
    if (blockPage) {
      out.line("");
      out.line(`Latest blocks (${client.options.nodeUrl})`);
      out.line(
        out.table(
          ["height", "hash", "time", "proposer", "txs"],
          blockPage.items.map((b) => [
            b.height,
            shortHash(b.hash),
            time(b.timestamp),
            b.proposer_name ?? "genesis",
            b.tx_count,
          ]),
        ),
      );
    }
    if (txPage) {
      out.line("");
      out.line("Latest transactions");
      out.line(
        txPage.items.length === 0
          ? "(none yet)"
          : out.table(
              ["tx", "block", "type", "from", "to", "amount", "job"],
              txPage.items.map((t) => [
                shortHash(t.tx_hash),
                t.block_height,
                t.type,
                shortHash(t.from, 8),
                shortHash(t.to, 8),
                aitbc(t.amount),
                t.job_id ? shortHash(t.job_id, 6) : "-",
              ]),
            ),
      );
    }
    if (receiptPage) {
      out.line("");
      out.line("Latest receipts");
      out.line(
        receiptPage.receipts.length === 0
          ? "(none yet)"
          : out.table(
              ["job", "provider", "model", "cost", "completed", "settlement tx"],
              receiptPage.receipts.map((e) => {
                const r = e.receipt as Receipt;
                return [
                  e.job_id,
                  r.provider_id,
                  r.model,
                  microAitbc(r.cost),
                  time(r.completed_at),
                  shortHash(e.payment_tx_hash),
                ];
              }),
            ),
      );
    }
    return {
      chain: head,
      blocks: blockPage?.items,
      transactions: txPage?.items,
      receipts: receiptPage?.receipts,
    };
  },
};
