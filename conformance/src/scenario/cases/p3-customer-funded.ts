// Step 3.1 (balance check): the dev chain's faucet gives the customer 1000 AITBC, and the wallet
// daemon shows the balance in its documented shape (`{"balance": 1000.0, "currency": "AITBC"}`).
import type { ScenarioCase } from "../scenario-case.js";

interface Balance {
  balance: number;
  currency: string;
  address: string;
}

export const customerFunded: ScenarioCase = {
  id: "3.1b",
  title: "The faucet funds the customer with 1000 AITBC and the wallet shows it",
  needsRealState: true,
  thenChecks: "the customer's balance grew by exactly 1000 AITBC",
  async given(ctx) {
    const before = await ctx.call("wallet", "GET", "/api/v1/wallet/balance", { as: "customer" });
    ctx.remember("customerBalanceBefore", (before.body as Balance).balance);
    const provider = await ctx.call("wallet", "GET", "/api/v1/wallet/balance", { as: "provider" });
    ctx.remember("providerBalanceBefore", (provider.body as Balance).balance);
  },
  async when(ctx) {
    await ctx.call("node", "POST", "/api/v1/faucet", {
      as: "admin",
      body: { address: ctx.need("customerAddress"), amount: 1000 },
    });
  },
  async then(ctx) {
    const res = await ctx.call("wallet", "GET", "/api/v1/wallet/balance", { as: "customer" });
    const balance = res.body as Balance;
    const expected = ctx.need("customerBalanceBefore") + 1000;
    ctx.check(
      "the balance grew by 1000 AITBC",
      balance.balance === expected,
      `${balance.balance} ${balance.currency}, expected ${expected}`,
    );
    ctx.check(
      "it is the customer's address",
      balance.address === ctx.need("customerAddress"),
      balance.address,
    );
    ctx.remember("customerBalanceBefore", balance.balance);
  },
};
