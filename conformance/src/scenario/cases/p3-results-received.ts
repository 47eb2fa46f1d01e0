// Seed 3.4: the customer downloads the results and verifies the receipt offline, against the
// coordinator's published keys.
import { receiptHash, verifyReceipt, type Receipt } from "@aitbc/sdk";
import type { ScenarioCase } from "../scenario-case.js";

interface Results {
  job_id: string;
  status: string;
  result: { output: unknown } | null;
  receipt: Receipt | null;
  receipt_hash: string | null;
  payment: { status: string; amount: number; paid: number | null; tx_hash: string | null };
}

export const resultsReceived: ScenarioCase = {
  id: "3.4",
  title: "The customer downloads the results and verifies the signed receipt",
  needsRealState: true,
  thenChecks:
    "the receipt is signed by the provider and a published coordinator key, its hash matches, and it never costs more than the budget",
  async given(ctx) {
    const res = await ctx.call("coordinator", "GET", "/v1/keys", { as: "anonymous" });
    const keys = (res.body as { keys: Array<{ public_key: string }> }).keys;
    ctx.remember(
      "coordinatorKeys",
      keys.map((k) => k.public_key),
    );
  },
  async when(ctx) {
    const res = await ctx.call("coordinator", "GET", "/v1/jobs/{job_id}/results", {
      as: "customer",
      path: { job_id: ctx.need("jobId") },
    });
    ctx.remember("jobResults", res.body as Record<string, unknown>);
  },
  async then(ctx) {
    const results = ctx.need("jobResults") as unknown as Results;
    ctx.check(
      "the job completed with an output",
      results.status === "completed" && results.result !== null,
      results.status,
    );
    const receipt = results.receipt;
    if (!receipt) {
      ctx.check("a receipt came with the results", false, "receipt is null");
      return;
    }
    const verification = verifyReceipt(receipt, { coordinatorKeys: ctx.need("coordinatorKeys") });
    ctx.check(
      "the receipt verifies",
      verification.valid,
      verification.errors.join("; ") || "provider and coordinator signatures valid",
    );
    ctx.check(
      "the receipt is for this job",
      receipt.job_id === ctx.need("jobId") && receipt.customer_id === ctx.need("customerId"),
      `${receipt.job_id} / ${receipt.customer_id}`,
    );
    ctx.check(
      "receipt_hash is the hash of the receipt",
      results.receipt_hash === receiptHash(receipt),
      String(results.receipt_hash),
    );
    const budgetMicro = BigInt(ctx.need("jobMaxCost")) * 1_000_000n;
    ctx.check(
      "the cost is within the budget",
      BigInt(receipt.cost) <= budgetMicro,
      `${receipt.cost} ≤ ${budgetMicro} micro-AITBC`,
    );
  },
};
