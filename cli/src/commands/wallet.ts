// `aitbc wallet balance` (your balance, or another address's) and `aitbc wallet transactions`.
import { intOption, stringOption } from "../args.js";
import { UsageError } from "../output/explain-error.js";
import { aitbc, shortHash, time } from "../output/format.js";
import { formatFields } from "../output/table.js";
import type { Command } from "./command.js";

export const walletCommand: Command = {
  name: "wallet",
  summary: "your balance (wallet balance) or chain transactions (wallet transactions)",
  synopsis: "wallet balance | wallet transactions",
  usage: "wallet balance [--address A]\nwallet transactions [--limit N]",
  help: `The dev customer's wallet by default; --as provider shows the dev provider's.
Options:
  --address A   balance of another address (chain data is public)
  --limit N     how many transactions (default 10)`,
  identity: "customer",
  options: { address: { type: "string" }, limit: { type: "string" } },
  async run({ client, out, values, positionals }) {
    const [sub, extra] = positionals;
    if (extra !== undefined) throw new UsageError(`Unexpected argument "${extra}".`);
    if (sub === "balance") {
      const address = stringOption(values, "address");
      const balance = await client.wallet.getBalance({ query: address ? { address } : {} });
      out.line(
        formatFields([
          ["Address", balance.address],
          ["Balance", aitbc(balance.balance)],
          ["In escrow", aitbc(balance.locked)],
          ["Nonce", balance.nonce],
        ]),
      );
      return balance;
    }
    if (sub === "transactions") {
      const page = await client.wallet.listTransactions({
        query: { limit: intOption(values, "limit", { min: 1, max: 100 }) ?? 10 },
      });
      out.line(
        page.items.length === 0
          ? "No transactions yet."
          : out.table(
              ["tx", "block", "time", "type", "direction", "amount", "job"],
              page.items.map((t) => [
                shortHash(t.tx_hash),
                t.block_height,
                time(t.timestamp),
                t.type,
                t.direction,
                aitbc(t.amount),
                t.job_id ?? "-",
              ]),
            ),
      );
      return page;
    }
    throw new UsageError(
      sub === undefined
        ? "Missing the wallet command: aitbc wallet balance"
        : `Unknown wallet command "${sub}": use balance or transactions.`,
    );
  },
};
