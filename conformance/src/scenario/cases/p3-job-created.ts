// Step 3.2: the customer submits an inference job to the service with a budget; the budget is
// locked in escrow on the chain.
import type { ScenarioCase } from "../scenario-case.js";

interface Job {
  job_id: string;
  status: string;
  payment: { status: string; amount: number };
}
interface Balance {
  balance: number;
  locked?: number;
}

export const JOB_MAX_COST = 5;
/** The quick-start prompt; the receipt's input_hash is checked against it. */
export const JOB_PROMPT = "Hello AITBC";

export const jobCreated: ScenarioCase = {
  id: "3.2",
  title: "The customer submits an inference job with a 5 AITBC budget",
  needsRealState: true,
  thenChecks: "the job is queued and its budget is locked: the balance fell by exactly the budget",
  async given(ctx) {
    ctx.need("serviceId");
  },
  async when(ctx) {
    const res = await ctx.call("coordinator", "POST", "/v1/jobs/create", {
      as: "customer",
      body: {
        service_id: ctx.need("serviceId"),
        requirements: {
          task_type: "inference",
          model: ctx.state.model ?? "aitbc-tiny:latest",
          prompt: JOB_PROMPT,
          max_tokens: 16,
          temperature: 0,
        },
        budget: { max_cost: JOB_MAX_COST, currency: "AITBC" },
        ttl_seconds: 900,
      },
      expect: [201],
    });
    const job = res.body as Job;
    ctx.remember("jobId", job.job_id);
    ctx.remember("jobMaxCost", JOB_MAX_COST);
    ctx.remember("jobStatus", job.status);
  },
  async then(ctx) {
    ctx.check("the job is queued", ctx.need("jobStatus") === "queued", ctx.need("jobStatus"));
    const res = await ctx.call("wallet", "GET", "/api/v1/wallet/balance", { as: "customer" });
    const balance = res.body as Balance;
    const expected = ctx.need("customerBalanceBefore") - JOB_MAX_COST;
    // Escrow moves the budget out of the balance (the ledger invariant: balances + open escrows = supply).
    ctx.check(
      "the budget moved from the balance into escrow",
      balance.balance === expected && (balance.locked ?? JOB_MAX_COST) >= JOB_MAX_COST,
      `balance ${balance.balance} (expected ${expected}), locked ${balance.locked ?? "not shown"}`,
    );
  },
};
