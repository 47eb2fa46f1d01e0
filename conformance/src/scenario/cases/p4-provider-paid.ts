// Step 4.2 and the ledger: the provider's wallet received the receipt's cost less the
// verification fee the release paid into the chain's verification pool (its `pool_fee`), and the
// customer paid exactly the cost and got the rest of the budget back.
import { fromMicro, toMicro, type Receipt } from "@aitbc/sdk";
import type { ScenarioCase } from "../scenario-case.js";

interface Balance {
  balance: number;
  currency: string;
}

export const providerPaid: ScenarioCase = {
  id: "4.2",
  title: "The provider was paid the receipt's cost and the customer got the rest back",
  needsRealState: true,
  thenChecks:
    "provider +cost − pool fee, customer −cost (the unused budget refunded), nothing created or lost",
  async given(ctx) {
    ctx.need("jobResults");
  },
  async when(ctx) {
    const provider = await ctx.call("wallet", "GET", "/api/v1/wallet/balance", { as: "provider" });
    const customer = await ctx.call("wallet", "GET", "/api/v1/wallet/balance", { as: "customer" });
    const { payment } = ctx.need("jobResults") as { payment?: { tx_hash?: string | null } };
    const release = await ctx.call("node", "POST", "/api/v1/transaction/get", {
      as: "anonymous",
      body: { tx_hash: payment?.tx_hash ?? "0x" + "0".repeat(64) },
    });
    ctx.scratch = {
      providerBalance: provider.body,
      customerBalance: customer.body,
      release: release.body,
    };
  },
  async then(ctx) {
    const { receipt } = ctx.need("jobResults") as { receipt: Receipt };
    const { providerBalance, customerBalance, release } = ctx.scratch as {
      providerBalance: Balance;
      customerBalance: Balance;
      release: { tx?: { payload?: { pool_fee?: string } } };
    };
    const cost = BigInt(receipt.cost);
    const poolFee = BigInt(release.tx?.payload?.pool_fee ?? "0");
    const providerGain =
      toMicro(providerBalance.balance) - toMicro(ctx.need("providerBalanceBefore"));
    const customerLoss =
      toMicro(ctx.need("customerBalanceBefore")) - toMicro(customerBalance.balance);
    // Other jobs of the dev provider may settle meanwhile, so its gain is at least this much.
    ctx.check(
      "the provider received the cost less the verification fee",
      poolFee <= cost && providerGain >= cost - poolFee,
      `+${fromMicro(providerGain)} AITBC, cost ${fromMicro(cost)}, fee ${fromMicro(poolFee)}`,
    );
    ctx.check(
      "the customer paid exactly the cost",
      customerLoss === cost,
      `−${fromMicro(customerLoss)} AITBC, cost ${fromMicro(cost)}`,
    );
    ctx.check(
      "the balance is in AITBC",
      providerBalance.currency === "AITBC",
      providerBalance.currency,
    );
  },
};
