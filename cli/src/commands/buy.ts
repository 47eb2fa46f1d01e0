// `aitbc buy <amount> [--wait]`: buys AITBC on the exchange for testnet BTC. Shows the payment
// request as a BIP 21 URI and, at a terminal, as a QR code a phone wallet can scan; --wait follows
// the order until the AITBC is minted (or the order expires).
import { renderUnicodeCompact } from "uqr";
import { pollUntil, PollTimeoutError, type AitbcClient, type ExchangeTypes } from "@aitbc/sdk";
import { booleanOption, intOption, onePositional } from "../args.js";
import { CommandFailed, UsageError } from "../output/explain-error.js";
import { aitbc, shortHash, time } from "../output/format.js";
import { formatFields } from "../output/table.js";
import type { Output } from "../output/output.js";
import type { Command } from "./command.js";
import { bip21Uri, satsToBtc } from "./bip21.js";

type Order = ExchangeTypes.Order;

const DEFAULT_WAIT_S = 3600;

export const buyCommand: Command = {
  name: "buy",
  summary: "buy AITBC with testnet BTC on the exchange (shows a BIP 21 URI and QR code)",
  synopsis: "buy <amount> [--wait]",
  usage: "buy <amount> [--wait [--timeout S]]",
  help: `<amount> is the AITBC to buy (at most 6 decimals). The exchange answers with a Bitcoin testnet
address used for this order only and the exact amount to send; the AITBC is minted to your chain
address once the payment is confirmed.
Options:
  --wait        follow the order until the AITBC is minted, the order expires, or --timeout
  --timeout S   how long --wait waits (default ${DEFAULT_WAIT_S})
Environment: AITBC_EXCHANGE_URL (default: the dev stack's exchange from .aitbc/stack.json).
Example:
  aitbc buy 250 --wait`,
  identity: "customer",
  options: { wait: { type: "boolean" }, timeout: { type: "string" } },
  async run({ client, config, out, values, positionals, signal }) {
    const amount = onePositional(positionals, "the AITBC amount to buy");
    if (!/^\d+(\.\d{1,6})?$/.test(amount) || /^0+(\.0+)?$/.test(amount))
      throw new UsageError(
        `The amount must be a positive AITBC amount with at most 6 decimals, got "${amount}".`,
      );
    if (!config.exchangeUrl)
      throw new CommandFailed(
        "No exchange to buy from.",
        "Set AITBC_EXCHANGE_URL, or run inside the project while npm start is running.",
        "exchange_not_configured",
      );
    const timeoutS = intOption(values, "timeout", { min: 1, max: 86_400 }) ?? DEFAULT_WAIT_S;
    out.progress("creating the order…");
    const order = await client.exchange.createOrder({
      body: { amount_aitbc: Number(amount), payment_method: "bitcoin_testnet" },
    });
    const uri = bip21Uri(order.deposit_address, order.amount_sats, `AITBC order ${order.order_id}`);
    showOrder(out, order, uri);
    if (!booleanOption(values, "wait")) {
      out.line();
      out.line(
        "Send exactly that amount; the AITBC is minted once the payment is confirmed (aitbc wallet balance shows it).",
      );
      return { ...order, bip21: uri };
    }
    const final = await followOrder(client, order, out, timeoutS * 1000, signal);
    return { ...final, bip21: uri };
  },
};

function showOrder(out: Output, order: Order, uri: string): void {
  out.line(
    `✅ Order ${order.order_id} created: ${aitbc(order.amount_aitbc)} for ${satsToBtc(order.amount_sats)} tBTC.`,
  );
  out.line();
  out.line(
    formatFields([
      ["Pay to", order.deposit_address],
      ["Amount", `${satsToBtc(order.amount_sats)} tBTC (${order.amount_sats} sats, exactly)`],
      ["Minted to", order.buyer_address],
      ["Expires", time(order.expires_at)],
      ["Payment URI", uri],
    ]),
  );
  // A QR code only where a person can scan it: in a pipe or a log it is a block of noise.
  if (out.decorated) {
    out.line();
    out.line(renderUnicodeCompact(uri, { border: 2, ecc: "M" }));
  }
}

async function followOrder(
  client: AitbcClient,
  order: Order,
  out: Output,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<Order> {
  let last = order;
  const done = await pollUntil(
    async () => {
      last = await client.exchange.getOrder({ path: { order_id: order.order_id } });
      out.progress(waitingText(last));
      return last.status === "minted" || last.status === "expired" ? last : undefined;
    },
    { timeoutMs, intervalMs: 1000, signal },
  ).catch((err: unknown) => {
    // Ctrl-C or --timeout: say where the order stands instead of failing.
    if (signal.aborted || err instanceof PollTimeoutError) return last;
    throw err;
  });
  if (done.status === "expired")
    throw new CommandFailed(
      `Order ${done.order_id} expired before a full payment arrived (${done.received_sats} of ${done.amount_sats} sats).`,
      "Create a new order with aitbc buy; a late payment to the old address is not credited automatically.",
      "order_expired",
    );
  if (done.status !== "minted") {
    out.line(`Order ${done.order_id} is ${done.status}; aitbc buy did not wait any longer.`);
    return done;
  }
  out.line(
    `✅ ${aitbc(done.amount_aitbc)} minted to ${done.buyer_address} (tx ${shortHash(done.mint_tx_hash)}).`,
  );
  return done;
}

function waitingText(order: Order): string {
  if (order.status === "awaiting_payment")
    return order.received_sats > 0
      ? `payment seen: ${order.received_sats} of ${order.amount_sats} sats, ${order.confirmations} confirmation(s)…`
      : "waiting for the payment…";
  if (order.status === "paid") return "payment confirmed; minting the AITBC…";
  return `order ${order.status}`;
}
