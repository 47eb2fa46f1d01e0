// Step 1.2b: before it lists a service, the provider locks a bond on chain through the wallet, so
// that a marketplace with a minimum bond lists it and a failed check has something to pay from.
// The faucet gives the provider exactly the bond, so its balance afterwards is what it earns.
import type { ScenarioCase } from "../scenario-case.js";

/** The dev stack's minimum bond to list a service (AITBC). */
export const SCENARIO_BOND = 10;

interface Bond {
  address: string;
  amount: number;
  status: string;
}

export const bondPosted: ScenarioCase = {
  id: "1.2b",
  title: `The provider locks a bond of ${SCENARIO_BOND} AITBC before it lists its service`,
  needsRealState: true,
  thenChecks: "the provider's active bond on chain grew by the lock and the wallet shows the same",
  async given(ctx) {
    // The provider may have locked before (an earlier run on the same stack): the lock adds to it.
    const before = await ctx.call("wallet", "GET", "/api/v1/wallet/bond", { as: "provider" });
    const bond = before.body as Bond;
    ctx.scratch.before = bond.status === "active" ? bond.amount : 0;
    await ctx.call("node", "POST", "/api/v1/faucet", {
      as: "admin",
      body: { address: ctx.need("providerAddress"), amount: SCENARIO_BOND },
    });
  },
  async when(ctx) {
    await ctx.call("wallet", "POST", "/api/v1/wallet/bond/lock", {
      as: "provider",
      body: { amount: SCENARIO_BOND },
      expect: [200],
    });
  },
  async then(ctx) {
    const address = ctx.need("providerAddress");
    const onChain = (
      await ctx.call("node", "GET", "/api/v1/bonds/{address}", {
        as: "anonymous",
        path: { address },
      })
    ).body as Bond;
    const expected = (ctx.scratch.before as number) + SCENARIO_BOND;
    ctx.check(
      `the provider's active bond on chain grew by ${SCENARIO_BOND} AITBC`,
      onChain.status === "active" && onChain.amount === expected,
      `${onChain.amount} AITBC, ${onChain.status}; expected ${expected}`,
    );
    const shown = (await ctx.call("wallet", "GET", "/api/v1/wallet/bond", { as: "provider" }))
      .body as Bond;
    ctx.check(
      "the wallet shows the same bond at the provider's address",
      shown.address === address && shown.amount === onChain.amount && shown.status === "active",
      `${shown.address}: ${shown.amount} AITBC, ${shown.status}`,
    );
  },
};
