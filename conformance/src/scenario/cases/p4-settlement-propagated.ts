// Block and transaction propagation: the job's settlement reaches every
// validator, each of which reports it confirmed in the same block, and every node agrees on the
// customer's balance afterwards.
import { Blocked, type ScenarioCase } from "../scenario-case.js";
import type { ChainTx } from "./p4-payment-settled.js";

interface Account {
  balance_micro: string;
}

export const settlementPropagated: ScenarioCase = {
  id: "4.1b",
  title: "Every node has the settlement in the same block and agrees on the customer's balance",
  needsRealState: true,
  thenChecks:
    "each node reports the escrow_release confirmed at the same height with the same block hash, and the same customer balance",
  async given(ctx) {
    if (ctx.nodeUrls.length < 2)
      throw new Blocked(
        "needs more than one node URL (stack.json nodes, or --node given once per node)",
      );
    ctx.need("jobResults");
  },
  async when(ctx) {
    const { payment } = ctx.need("jobResults") as { payment: { tx_hash: string | null } };
    const txHash = payment.tx_hash ?? "0x" + "0".repeat(64);
    const seen: Array<{ url: string; tx: ChainTx; balance: string }> = [];
    for (const url of ctx.nodeUrls) {
      const tx = await ctx.pollUntil(
        async () =>
          (
            await ctx.call("node", "POST", "/api/v1/transaction/get", {
              as: "anonymous",
              at: url,
              body: { tx_hash: txHash },
              expect: ctx.isMock ? undefined : [200, 404],
            })
          ).body as ChainTx,
        (t) => t.status === "confirmed",
      );
      const account = await ctx.call("node", "GET", "/api/v1/account/{address}", {
        as: "anonymous",
        at: url,
        path: { address: ctx.need("customerAddress") },
      });
      seen.push({ url, tx, balance: (account.body as Account).balance_micro });
    }
    ctx.scratch.seen = seen;
  },
  async then(ctx) {
    const seen = ctx.scratch.seen as Array<{ url: string; tx: ChainTx; balance: string }>;
    const first = seen[0]!;
    const describe = (s: (typeof seen)[number]) =>
      `${s.url}: ${s.tx.status} at ${s.tx.block_height} ${String(s.tx.block_hash).slice(0, 12)}…`;
    ctx.check(
      `all ${seen.length} nodes have it confirmed`,
      seen.every((s) => s.tx.status === "confirmed"),
      seen.map(describe).join("; "),
    );
    ctx.check(
      "in the same block (height and hash)",
      seen.every(
        (s) =>
          s.tx.block_height === first.tx.block_height && s.tx.block_hash === first.tx.block_hash,
      ),
      seen.map(describe).join("; "),
    );
    ctx.check(
      "and every node has the same customer balance",
      seen.every((s) => s.balance === first.balance),
      seen.map((s) => `${s.url}: ${s.balance}`).join("; "),
    );
  },
};
