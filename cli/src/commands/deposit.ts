// `aitbc deposit add|show|withdraw|release`: the customer's prepaid deposit, which lets every job
// start at once instead of waiting for its own escrow lock. The wallet signs with the customer's
// custodial key and answers once a block has the transaction.
import { AitbcError, type WalletTypes } from "@aitbc/sdk";
import { amountText } from "../args.js";
import { CommandFailed, UsageError } from "../output/explain-error.js";
import { aitbc, shortHash, time } from "../output/format.js";
import { formatFields } from "../output/table.js";
import type { Command } from "./command.js";

type Deposit = WalletTypes.WalletDeposit;

const ACTIONS = ["add", "show", "withdraw", "release"] as const;

export const depositCommand: Command = {
  name: "deposit",
  summary: "your prepaid deposit: add to it, show it, withdraw and release it",
  synopsis: "deposit add <amount> | show | withdraw | release",
  usage: "deposit add <amount>\ndeposit show\ndeposit withdraw\ndeposit release",
  help: `With a deposit, new jobs are paid from it and start at once; without one each job locks
its own escrow first. Withdrawing takes two steps: withdraw starts the chain's delay (jobs
already run may still be paid from the deposit meanwhile), and release, from the unlock block
on, returns what is left to your balance. Adding to a deposit during the delay cancels the
withdrawal.
Examples:
  aitbc deposit add 100
  aitbc deposit show --json
  aitbc deposit withdraw
  aitbc deposit release`,
  identity: "customer",
  actions: ACTIONS,
  options: {},
  async run({ client, out, positionals }) {
    const [action, arg, extra] = positionals;
    const unexpected = action === "add" ? extra : arg;
    if (unexpected !== undefined) throw new UsageError(`Unexpected argument "${unexpected}".`);
    switch (action) {
      case "show": {
        const deposit = await client.wallet.getDeposit();
        out.line(depositFields(deposit));
        return deposit;
      }
      case "add": {
        if (arg === undefined)
          throw new UsageError("Missing the amount to add: aitbc deposit add <amount>");
        const amount = Number(amountText(arg, "The amount"));
        out.progress(`locking ${amount} AITBC in your deposit and waiting for a block…`);
        const tx = await withHints(client.wallet.lockDeposit({ body: { amount } }));
        out.line(
          `✅ Added ${aitbc(tx.amount)} to your deposit (tx ${shortHash(tx.tx_hash)}, block ${tx.block_height}).`,
        );
        out.line(depositFields(tx.deposit));
        return tx;
      }
      case "withdraw": {
        out.progress("starting the withdrawal and waiting for a block…");
        const tx = await withHints(client.wallet.withdrawDeposit({ body: {} }));
        out.line(`✅ Withdrawal started (tx ${shortHash(tx.tx_hash)}, block ${tx.block_height}).`);
        out.line(
          `   The rest of your deposit can be released from block ${tx.deposit.unlock_height}${eta(tx.deposit)}: run aitbc deposit release then.`,
        );
        out.line(depositFields(tx.deposit));
        return tx;
      }
      case "release": {
        out.progress("releasing your deposit and waiting for a block…");
        const tx = await withHints(client.wallet.releaseDeposit({ body: {} }));
        out.line(
          `✅ Released ${aitbc(tx.amount)} back to your balance (tx ${shortHash(tx.tx_hash)}, block ${tx.block_height}).`,
        );
        return tx;
      }
      default:
        throw new UsageError(
          action === undefined
            ? "Missing the deposit command: aitbc deposit show"
            : `Unknown deposit command "${action}": use ${ACTIONS.join(", ")}.`,
        );
    }
  },
};

function depositFields(d: Deposit): string {
  const rows: Array<[string, string | number]> = [
    ["Address", d.address],
    ["Deposit", `${aitbc(d.amount)} (${d.status})`],
    [
      "Finalized",
      `${aitbc(d.finalized.amount)} (${d.finalized.status}) at block ${d.finalized.height}`,
    ],
  ];
  if (d.status === "withdrawing")
    rows.push([
      "Unlocks",
      d.releasable
        ? `block ${d.unlock_height}: release it now with aitbc deposit release`
        : `block ${d.unlock_height}${eta(d)} (the head is ${d.height})`,
    ]);
  if (d.status === "none")
    rows.push([
      "Next",
      "aitbc deposit add <amount> locks one; then jobs start without waiting for an escrow",
    ]);
  return formatFields(rows);
}

function eta(d: Deposit): string {
  if (!d.unlock_estimated_at) return "";
  const seconds = Math.max(0, Math.round((Date.parse(d.unlock_estimated_at) - Date.now()) / 1000));
  return `, about ${time(d.unlock_estimated_at)} (in ~${seconds} s)`;
}

/** The wallet's refusals of a deposit step, with the step that helps. */
async function withHints<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (!(err instanceof AitbcError)) throw err;
    const unlock = err.problem.unlock_height;
    switch (err.code) {
      case "insufficient_funds":
        throw new CommandFailed(
          err.message,
          "Add less, or check the balance with aitbc wallet balance. On the dev stack, buy AITBC on the exchange or ask the faucet (admin).",
          err.code,
        );
      case "withdrawal_pending":
        throw new CommandFailed(
          err.message,
          `Wait for block ${String(unlock)} (aitbc deposit show says when), then run aitbc deposit release.`,
          err.code,
        );
      case "withdrawal_not_started":
        throw new CommandFailed(
          err.message,
          "Run aitbc deposit withdraw first; release works once its delay has passed.",
          err.code,
        );
      case "conflict":
        throw new CommandFailed(
          err.message,
          "aitbc deposit show shows the deposit; aitbc deposit add <amount> locks one.",
          err.code,
        );
    }
    throw err;
  }
}
