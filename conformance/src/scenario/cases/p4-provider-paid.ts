// Step 4.2 and the ledger: the provider's wallet received exactly the receipt's cost, and the
// customer paid exactly that and got the rest of the budget back.
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
    "provider +cost, customer −cost (the unused budget refunded), nothing created or lost",
  async given(ctx) {
    ctx.need("jobResults");
  },
  async when(ctx) {
    const provider = await ctx.call("wallet", "GET", "/api/v1/wallet/balance", { as: "provider" });
    const customer = await ctx.call("wallet", "GET", "/api/v1/wallet/balance", { as: "customer" });
    ctx.scratch = { providerBalance: provider.body, customerBalance: customer.body };
  },
  async then(ctx) {
    const { receipt } = ctx.need("jobResults") as { receipt: Receipt };
    const { providerBalance, customerBalance } = ctx.scratch as {
      providerBalance: Balance;
      customerBalance: Balance;
    };
    const cost = BigInt(receipt.cost);
    const providerGain =
      toMicro(providerBalance.balance) - toMicro(ctx.need("providerBalanceBefore"));
    const customerLoss =
      toMicro(ctx.need("customerBalanceBefore")) - toMicro(customerBalance.balance);
    // Other jobs of the dev provider may settle meanwhile, so its gain is at least this cost.
    ctx.check(
      "the provider received the cost",
      providerGain >= cost,
      `+${fromMicro(providerGain)} AITBC, cost ${fromMicro(cost)}`,
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
