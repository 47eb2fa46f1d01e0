// One block, one transaction, one address, one job's escrow.
import { NotFoundError, type NodeTypes } from "@aitbc/sdk";
import { h, type Child } from "../common/dom.js";
import { aitbc, dateTime, shortHash } from "../common/format.js";
import type { RouteContext } from "../common/router.js";
import {
  card,
  definitionList,
  emptyState,
  mono,
  pageLink,
  statusBadge,
  table,
} from "../common/widgets.js";
import {
  addressLink,
  blockLink,
  jobLink,
  txLink,
  txTypeBadge,
  txTypeLabel,
  type AddressBook,
} from "./chain-labels.js";
import { txsTable } from "./chain-tables.js";
import type { Explorer } from "./explorer-context.js";

function notFound(what: string, detail: string): Node {
  return emptyState(
    `${what} not found`,
    detail,
    h("a", { class: "btn btn-ghost", href: "#/" }, "Back to the explorer"),
  );
}

async function orNotFound<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}

type Payload = Record<string, string | undefined>;

/** What a signed transaction moves, read from its payload (amounts are micro-AITBC strings). */
function payloadRows(tx: NodeTypes.Transaction, book: AddressBook): Array<[Child, Child]> {
  const p = tx.payload as Payload;
  const rows: Array<[Child, Child]> = [];
  if (p.job_id) rows.push(["Job", jobLink(p.job_id)]);
  if (p.to) rows.push(["To", addressLink(p.to, book)]);
  if (p.provider) rows.push(["Provider", addressLink(p.provider, book)]);
  if (p.amount) rows.push(["Amount", aitbc(p.amount)]);
  if (p.paid !== undefined)
    rows.push(["Paid to provider", h("span", { id: "tx-paid" }, aitbc(p.paid))]);
  if (p.refund !== undefined)
    rows.push(["Refunded to customer", h("span", { id: "tx-refund" }, aitbc(p.refund))]);
  if (p.receipt_hash) rows.push(["Receipt hash", mono(p.receipt_hash)]);
  if (p.reference) rows.push(["Reference", mono(p.reference)]);
  return rows;
}

export async function blockView(x: Explorer, ctx: RouteContext): Promise<Node> {
  const height = Number(ctx.params[0]);
  const [block, book] = await Promise.all([
    orNotFound(x.session.client.node.getBlock({ path: { height } })),
    x.book(),
  ]);
  if (!block) return notFound("Block", `This node has no block #${height} yet.`);
  return h(
    "section",
    { class: "page", id: "block-detail", "data-height": String(block.height) },
    h(
      "div",
      { class: "page-head" },
      h(
        "div",
        null,
        h("h1", null, `Block #${block.height}`),
        h("p", null, dateTime(block.timestamp)),
      ),
      h(
        "div",
        { class: "row" },
        block.height > 0
          ? h(
              "a",
              { class: "btn btn-ghost btn-small", href: `#/blocks/${block.height - 1}` },
              "← Previous",
            )
          : null,
        h(
          "a",
          { class: "btn btn-ghost btn-small", href: `#/blocks/${block.height + 1}` },
          "Next →",
        ),
      ),
    ),
    card(
      "Header",
      definitionList([
        ["Hash", mono(block.hash)],
        [
          "Previous",
          block.height > 0
            ? h("a", { href: `#/blocks/${block.height - 1}` }, mono(block.prev_hash))
            : mono(block.prev_hash),
        ],
        ["Proposer", block.proposer_name ?? "— (genesis)"],
        ["Round", String(block.round)],
        ["Transactions", String(block.tx_count)],
        ["Tx root", mono(block.tx_root)],
        ["State root", mono(block.state_root)],
        ["Signature", block.signature ? mono(shortHash(block.signature, 16)) : "—"],
      ]),
    ),
    card(
      `Transactions (${block.transactions.length})`,
      block.transactions.length
        ? table(
            ["Hash", "Type", "From", "Details"],
            block.transactions.map((t) => [
              txLink(t.tx_hash),
              txTypeBadge(t.tx.type),
              addressLink(t.tx.from, book),
              definitionList(payloadRows(t.tx, book), { class: "props compact" }),
            ]),
            { id: "block-txs" },
          )
        : emptyState("No transactions in this block"),
    ),
  );
}

export async function txView(x: Explorer, ctx: RouteContext): Promise<Node> {
  const hash = ctx.params[0]!;
  if (!/^0x[0-9a-f]{64}$/.test(hash))
    return notFound("Transaction", "A transaction hash is 0x followed by 64 lowercase hex digits.");
  const [tx, book] = await Promise.all([
    orNotFound(x.session.client.node.getTransaction({ body: { tx_hash: hash } })),
    x.book(),
  ]);
  if (!tx)
    return notFound(
      "Transaction",
      "This node has never seen it. It may be on another node's mempool, or on another chain.",
    );
  const marketplace = x.session.config.marketplace;
  return h(
    "section",
    {
      class: "page",
      id: "tx-detail",
      "data-tx-hash": tx.tx_hash,
      "data-tx-type": tx.type,
      "data-status": tx.status,
    },
    h(
      "div",
      { class: "page-head" },
      h(
        "div",
        null,
        h("div", { class: "row" }, txTypeBadge(tx.type), statusBadge(tx.status)),
        h("h1", null, txTypeLabel(tx.type), " transaction"),
        h("p", null, mono(tx.tx_hash)),
      ),
    ),
    tx.type === "escrow_release" && tx.job_id
      ? h(
          "div",
          { class: "notice notice-info" },
          h("strong", { class: "notice-title" }, "Job settlement"),
          h(
            "div",
            { class: "notice-body" },
            "This closes the escrow of job ",
            jobLink(tx.job_id),
            ": the provider got the metered cost, the customer the rest of the budget. ",
            marketplace
              ? pageLink(marketplace, `/jobs/${tx.job_id}`, "Open the job in the marketplace")
              : null,
          ),
        )
      : null,
    card(
      "Overview",
      definitionList([
        ["Status", h("span", null, statusBadge(tx.status), tx.reason ? ` (${tx.reason})` : "")],
        ["Block", blockLink(tx.block_height)],
        ["Time", dateTime(tx.timestamp)],
        ["From", addressLink(tx.from, book)],
        ["To", addressLink(tx.to, book)],
        ...(tx.refund_to
          ? ([["Refund to", addressLink(tx.refund_to, book)]] as Array<[Child, Child]>)
          : []),
        ["Amount", h("strong", { id: "tx-amount" }, aitbc(tx.amount))],
        ...payloadRows(tx.tx, book).filter(([k]) => k !== "To" && k !== "Amount"),
        ["Nonce", String(tx.tx.nonce)],
        ["Chain", tx.tx.chain_id],
      ]),
    ),
    h(
      "details",
      { class: "raw" },
      h("summary", null, "Signed transaction (JSON)"),
      h("pre", null, JSON.stringify(tx.tx, null, 2)),
    ),
  );
}

export async function addressView(x: Explorer, ctx: RouteContext): Promise<Node> {
  const address = ctx.params[0]!;
  if (!/^aitbc[0-9a-f]{40}$/.test(address))
    return notFound("Address", "An address is aitbc followed by 40 lowercase hex digits.");
  const [account, txs, book] = await Promise.all([
    x.session.client.node.getAccount({ path: { address } }),
    x.session.client.node.listTransactions({ query: { address, limit: 50 } }),
    x.book(),
  ]);
  return h(
    "section",
    { class: "page", id: "address-detail" },
    h(
      "div",
      { class: "page-head" },
      h("div", null, h("h1", null, book.get(address) ?? "Address"), h("p", null, mono(address))),
    ),
    h(
      "div",
      { class: "stats" },
      h(
        "div",
        { class: "stat" },
        h("div", { class: "stat-label" }, "Balance"),
        h("div", { class: "stat-value", id: "address-balance" }, aitbc(account.balance)),
      ),
      h(
        "div",
        { class: "stat" },
        h("div", { class: "stat-label" }, "In open escrows"),
        h("div", { class: "stat-value" }, aitbc(account.locked)),
      ),
      h(
        "div",
        { class: "stat" },
        h("div", { class: "stat-label" }, "Nonce"),
        h("div", { class: "stat-value" }, String(account.nonce)),
      ),
    ),
    card("Transactions", txsTable(txs.items, book, "address-txs", false, address)),
  );
}

export async function jobEscrowView(x: Explorer, ctx: RouteContext): Promise<Node> {
  const jobId = ctx.params[0]!;
  const [escrow, txs, book] = await Promise.all([
    orNotFound(x.session.client.node.getEscrow({ path: { job_id: jobId } })),
    x.session.client.node.listTransactions({ query: { job_id: jobId, limit: 10 } }),
    x.book(),
  ]);
  if (!escrow && txs.items.length === 0)
    return notFound("Job escrow", "No escrow was locked on this chain for that job id.");
  return h(
    "section",
    {
      class: "page",
      id: "job-escrow",
      "data-job-id": jobId,
      "data-escrow-status": escrow?.status ?? "",
    },
    h(
      "div",
      { class: "page-head" },
      h("div", null, h("h1", null, "Job escrow"), h("p", null, mono(jobId))),
      escrow ? statusBadge(escrow.status) : null,
    ),
    escrow
      ? card(
          "Escrow",
          definitionList([
            ["Customer", addressLink(escrow.owner, book)],
            ["Locked", aitbc(escrow.amount)],
            ["Paid to provider", aitbc(escrow.paid)],
            ["Provider", addressLink(escrow.provider, book)],
            ["Refunded", aitbc(escrow.refund)],
            ["Receipt hash", escrow.receipt_hash ? mono(escrow.receipt_hash) : "—"],
            [
              "Lock",
              h("span", null, txLink(escrow.lock_tx_hash), " in ", blockLink(escrow.lock_height)),
            ],
            [
              "Settlement",
              escrow.release_tx_hash
                ? h(
                    "span",
                    null,
                    txLink(escrow.release_tx_hash),
                    " in ",
                    blockLink(escrow.release_height),
                  )
                : "not yet",
            ],
          ]),
        )
      : null,
    card("Transactions of this job", txsTable(txs.items, book, "job-txs")),
  );
}
