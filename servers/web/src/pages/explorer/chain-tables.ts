// The two tables the explorer shows everywhere: blocks and transactions.
import { parseMicro, type NodeTypes, type SettlementBatchPayload } from "@aitbc/sdk";
import { h } from "../common/dom.js";
import { aitbc, shortHash, timeAgo } from "../common/format.js";
import { emptyState, statusBadge, table } from "../common/widgets.js";
import {
  addressLink,
  blockLink,
  jobLink,
  txLink,
  txTypeBadge,
  type AddressBook,
} from "./chain-labels.js";

export function blocksTable(
  blocks: NodeTypes.BlockSummary[],
  id = "blocks-table",
  compact = false,
): HTMLElement {
  if (blocks.length === 0)
    return emptyState("No blocks yet", "The validators have not produced a block.");
  return table(
    compact ? ["Height", "Proposer", "Txs", "Time"] : ["Height", "Hash", "Proposer", "Txs", "Time"],
    blocks.map((b) => [
      blockLink(b.height),
      ...(compact ? [] : [h("code", { title: b.hash }, shortHash(b.hash, 8))]),
      b.proposer_name ?? (b.proposer ? h("code", null, shortHash(b.proposer, 6)) : "genesis"),
      String(b.tx_count),
      h("span", { title: b.timestamp, class: "nowrap" }, timeAgo(b.timestamp)),
    ]),
    { id },
    (i) => ({ "data-height": String(blocks[i]!.height) }),
  );
}

/**
 * What a transaction moved for `viewer`: a settlement batch pays many providers from many
 * deposits, so on an address's page it shows what it paid that address (as a provider) or drew
 * from its deposit, not the whole batch.
 */
function amountSeenBy(t: NodeTypes.TransactionView, viewer: string | undefined): number | bigint {
  if (!viewer || t.type !== "settlement_batch") return t.amount;
  const items = (t.tx.payload as unknown as SettlementBatchPayload).items;
  const sum = (role: "provider" | "deposit_owner") =>
    items.filter((i) => i[role] === viewer).reduce((total, i) => total + parseMicro(i.paid), 0n);
  const paid = sum("provider");
  return paid > 0n ? paid : sum("deposit_owner");
}

export function txsTable(
  txs: NodeTypes.TransactionView[],
  book: AddressBook,
  id = "txs-table",
  compact = false,
  /** The address whose page this is, if any. */
  viewer?: string,
): HTMLElement {
  if (txs.length === 0)
    return emptyState(
      "No transactions",
      "Nothing matches: transactions appear here once a block includes them.",
    );
  return table(
    ["Hash", "Type", "From", "To", "Amount", "Job", ...(compact ? [] : ["Block", "Status"])],
    txs.map((t) => [
      txLink(t.tx_hash, compact ? 4 : 6),
      txTypeBadge(t.type),
      addressLink(t.from, book),
      addressLink(t.to ?? t.refund_to, book),
      h("span", { class: "nowrap" }, aitbc(amountSeenBy(t, viewer))),
      jobLink(t.job_id),
      ...(compact ? [] : [blockLink(t.block_height), statusBadge(t.status)]),
    ]),
    { id },
    (i) => ({ "data-tx-hash": txs[i]!.tx_hash, "data-tx-type": txs[i]!.type }),
  );
}
