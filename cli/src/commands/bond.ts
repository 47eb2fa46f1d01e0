// `aitbc bond lock|show|unlock|release`: the provider's bond, which a marketplace with a minimum
// bond asks for before it lists the provider's services, and which a failed check can slash. The
// wallet signs with the provider's custodial key and answers once a block has the transaction.
import { AitbcError, type WalletTypes } from "@aitbc/sdk";
import { amountText } from "../args.js";
import { CommandFailed, UsageError } from "../output/explain-error.js";
import { aitbc, shortHash, time } from "../output/format.js";
import { formatFields } from "../output/table.js";
import type { Command } from "./command.js";

type Bond = WalletTypes.WalletBond;

const ACTIONS = ["lock", "show", "unlock", "release"] as const;

export const bondCommand: Command = {
  name: "bond",
  summary: "your provider bond: lock it, show it, unlock and release it",
  synopsis: "bond lock <amount> | show | unlock | release",
  usage: "bond lock <amount>\nbond show\nbond unlock\nbond release",
  help: `A marketplace with a minimum bond lists your services only while your bond meets it, and
customers may ask for a bigger one (min_bond). A failed spot check or an upheld dispute is paid
from it. Leaving takes two steps: unlock starts the chain's delay (the bond still backs the jobs
you ran, and counts as none on the market), and release, from the unlock block on, returns what
is left to your balance. Locking more during the delay cancels the unlock.
Examples:
  aitbc bond lock 10
  aitbc bond show --json
  aitbc bond unlock
  aitbc bond release`,
  identity: "provider",
  actions: ACTIONS,
  options: {},
  async run({ client, out, positionals }) {
    const [action, arg, extra] = positionals;
    const unexpected = action === "lock" ? extra : arg;
    if (unexpected !== undefined) throw new UsageError(`Unexpected argument "${unexpected}".`);
    switch (action) {
      case "show": {
        const bond = await client.wallet.getWalletBond();
        out.line(bondFields(bond));
        return bond;
      }
      case "lock": {
        if (arg === undefined)
          throw new UsageError("Missing the amount to lock: aitbc bond lock <amount>");
        const amount = Number(amountText(arg, "The amount"));
        out.progress(`locking ${amount} AITBC in your bond and waiting for a block…`);
        const tx = await withHints(client.wallet.lockBond({ body: { amount } }));
        out.line(
          `✅ Added ${aitbc(tx.amount)} to your bond (tx ${shortHash(tx.tx_hash)}, block ${tx.block_height}).`,
        );
        out.line(bondFields(tx.bond));
        out.line("→ Register a service with: aitbc services register FILE");
        return tx;
      }
      case "unlock": {
        out.progress("starting the unlock and waiting for a block…");
        const tx = await withHints(client.wallet.unlockBond({ body: {} }));
        out.line(`✅ Unlock started (tx ${shortHash(tx.tx_hash)}, block ${tx.block_height}).`);
        out.line(
          `   An unlocking bond counts as none, so a marketplace with a minimum bond stops matching your services. It can be released from block ${tx.bond.unlock_height}${eta(tx.bond)}: run aitbc bond release then.`,
        );
        out.line(bondFields(tx.bond));
        return tx;
      }
      case "release": {
        out.progress("releasing your bond and waiting for a block…");
        const tx = await withHints(client.wallet.releaseBond({ body: {} }));
        out.line(
          `✅ Released ${aitbc(tx.amount)} back to your balance (tx ${shortHash(tx.tx_hash)}, block ${tx.block_height}).`,
        );
        return tx;
      }
      default:
        throw new UsageError(
          action === undefined
            ? "Missing the bond command: aitbc bond show"
            : `Unknown bond command "${action}": use ${ACTIONS.join(", ")}.`,
        );
    }
  },
};

function bondFields(b: Bond): string {
  const rows: Array<[string, string | number]> = [
    ["Address", b.address],
    ["Bond", `${aitbc(b.amount)} (${b.status})`],
    [
      "Finalized",
      `${aitbc(b.finalized.amount)} (${b.finalized.status}) at block ${b.finalized.height}`,
    ],
  ];
  if (b.status === "unlocking")
    rows.push([
      "Unlocks",
      b.releasable
        ? `block ${b.unlock_height}: release it now with aitbc bond release`
        : `block ${b.unlock_height}${eta(b)} (the head is ${b.height})`,
    ]);
  if (b.status === "none")
    rows.push(["Next", "aitbc bond lock <amount> posts one; then register your services"]);
  return formatFields(rows);
}

function eta(b: Bond): string {
  if (!b.unlock_estimated_at) return "";
  const seconds = Math.max(0, Math.round((Date.parse(b.unlock_estimated_at) - Date.now()) / 1000));
  return `, about ${time(b.unlock_estimated_at)} (in ~${seconds} s)`;
}

/** The wallet's refusals of a bond step, with the step that helps. */
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
          "Lock less, or check the balance with aitbc wallet balance. A provider's balance grows with its earnings (aitbc earnings).",
          err.code,
        );
      case "bond_unlock_pending":
        throw new CommandFailed(
          err.message,
          `Wait for block ${String(unlock)} (aitbc bond show says when), then run aitbc bond release.`,
          err.code,
        );
      case "bond_unlock_not_started":
        throw new CommandFailed(
          err.message,
          "Run aitbc bond unlock first; release works once its delay has passed.",
          err.code,
        );
      case "conflict":
        throw new CommandFailed(
          err.message,
          "aitbc bond show shows the bond; aitbc bond lock <amount> posts one.",
          err.code,
        );
    }
    throw err;
  }
}
