// Step 3.1: the customer looks at the exchange rate (1 BTC = 100,000 AITBC) and orders 1000 AITBC
// for Bitcoin (testnet). Paying the order needs the Bitcoin network, so the scenario funds the
// customer from the dev chain's faucet instead (next case).
import type { ScenarioCase } from "../scenario-case.js";

interface Rates {
  aitbc_per_btc: number;
}
interface Order {
  order_id: string;
  status: string;
  amount_aitbc: number;
  amount_btc: number;
  deposit_address: string;
}

export const creditsPurchased: ScenarioCase = {
  id: "3.1",
  title: "The customer orders 1000 AITBC for Bitcoin at 1 BTC = 100,000 AITBC",
  needsRealState: true,
  thenChecks:
    "the rate is 100,000 AITBC per BTC and the order asks for 0.01 BTC at a deposit address",
  async given(ctx) {
    const rates = await ctx.call("exchange", "GET", "/api/v1/rates", { as: "anonymous" });
    ctx.scratch.rates = rates.body;
  },
  async when(ctx) {
    const created = await ctx.call("exchange", "POST", "/api/v1/orders", {
      as: "customer",
      body: { amount_aitbc: 1000, payment_method: "bitcoin_testnet" },
      expect: [201],
    });
    const order = created.body as Order;
    ctx.remember("orderId", order.order_id);
    const read = await ctx.call("exchange", "GET", "/api/v1/orders/{order_id}", {
      as: "customer",
      path: { order_id: order.order_id },
    });
    ctx.scratch.order = read.body;
  },
  async then(ctx) {
    const { rates, order } = ctx.scratch as { rates: Rates; order: Order };
    ctx.check(
      "1 BTC buys 100,000 AITBC",
      rates.aitbc_per_btc === 100_000,
      String(rates.aitbc_per_btc),
    );
    ctx.check(
      "the order is the one created",
      order.order_id === ctx.need("orderId"),
      order.order_id,
    );
    ctx.check(
      "1000 AITBC cost 0.01 BTC, paid to a deposit address",
      order.amount_aitbc === 1000 && order.amount_btc === 0.01 && order.deposit_address.length > 0,
      JSON.stringify({
        amount_aitbc: order.amount_aitbc,
        amount_btc: order.amount_btc,
        status: order.status,
      }),
    );
  },
};
