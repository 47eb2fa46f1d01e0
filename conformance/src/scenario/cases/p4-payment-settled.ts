// Step 4.1: payment happens by itself when the job completes; the customer looks the settlement
// transaction up on the chain (`POST /api/v1/transaction/get {"tx_hash": …}`). Its payload pays the
// provider exactly the receipt's cost and refunds the rest of the budget to the customer.
import { toMicro, type Receipt } from "@aitbc/sdk";
import type { ScenarioCase } from "../scenario-case.js";

interface Results {
  receipt: Receipt | null;
  receipt_hash: string | null;
  payment: { status: string; tx_hash: string | null };
}
export interface ChainTx {
  tx_hash: string;
  status: string;
  type: string;
  job_id: string | null;
  refund_to?: string | null;
  block_height: number | null;
  block_hash?: string | null;
  tx?: { payload?: { receipt_hash?: string; paid?: string; refund?: string; provider?: string } };
}

export const paymentSettled: ScenarioCase = {
  id: "4.1",
  title: "The settlement of the job is a confirmed escrow_release on the chain",
  needsRealState: true,
  thenChecks:
    "the payment is settled by a confirmed escrow_release of this job that anchors the receipt hash, pays the provider the cost and refunds the rest",
  async given(ctx) {
    // Settlement follows completion by a block or so: wait for the payment to leave "locked".
    const jobId = ctx.need("jobId");
    const results = await ctx.pollUntil(
      async () =>
        (
          await ctx.call("coordinator", "GET", "/v1/jobs/{job_id}/results", {
            as: "customer",
            path: { job_id: jobId },
          })
        ).body as Results,
      (r) => r.payment?.status !== "locked",
    );
    ctx.remember("jobResults", results as unknown as Record<string, unknown>);
  },
  async when(ctx) {
    const results = ctx.need("jobResults") as unknown as Results;
    const txHash = results.payment?.tx_hash ?? "0x" + "0".repeat(64);
    const res = await ctx.call("node", "POST", "/api/v1/transaction/get", {
      as: "anonymous",
      body: { tx_hash: txHash },
    });
    ctx.scratch.chainTx = res.body;
  },
  async then(ctx) {
    const { payment, receipt_hash, receipt } = ctx.need("jobResults") as unknown as Results;
    const chainTx = ctx.scratch.chainTx as ChainTx;
    const payload = chainTx.tx?.payload ?? {};
    ctx.check("the payment is settled", payment.status === "settled", payment.status);
    ctx.check(
      "it is a confirmed escrow_release of this job",
      chainTx.status === "confirmed" &&
        chainTx.type === "escrow_release" &&
        chainTx.job_id === ctx.need("jobId"),
      `${chainTx.status} ${chainTx.type} job ${chainTx.job_id} at height ${chainTx.block_height}`,
    );
    ctx.check(
      "it anchors the receipt hash",
      payload.receipt_hash === receipt_hash,
      `${payload.receipt_hash} vs ${receipt_hash}`,
    );
    const cost = receipt ? BigInt(receipt.cost) : -1n;
    const budget = toMicro(ctx.need("jobMaxCost"));
    ctx.check(
      "it pays the provider's address exactly the receipt's cost",
      payload.paid === String(cost) && payload.provider === ctx.need("providerAddress"),
      `paid ${payload.paid} to ${payload.provider}; cost ${cost}`,
    );
    ctx.check(
      "it refunds the rest of the budget to the customer's address",
      payload.refund === String(budget - cost) && chainTx.refund_to === ctx.need("customerAddress"),
      `refund ${payload.refund} to ${chainTx.refund_to}; budget ${budget}`,
    );
    if (chainTx.block_height !== null && chainTx.block_hash)
      ctx.remember("settlement", {
        tx_hash: chainTx.tx_hash,
        block_height: chainTx.block_height,
        block_hash: chainTx.block_hash,
      });
  },
};
