// Step 3.4: the customer downloads the results and verifies the receipt offline and
// independently: the coordinator's signature against its published keys (GET /v1/keys), the
// provider's against the keys of the provider's miners (GET /v1/admin/miners), and the hashes
// against the prompt the customer sent and the output it received.
import { createHash } from "node:crypto";
import { receiptHash, verifyReceipt, type Receipt } from "@aitbc/sdk";
import type { ScenarioCase } from "../scenario-case.js";
import { JOB_PROMPT } from "./p3-job-created.js";

function contentDigest(text: string): string {
  return "sha256:" + createHash("sha256").update(text, "utf8").digest("hex");
}

interface Results {
  job_id: string;
  status: string;
  result: { output: { text?: string } | null } | null;
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
    const miners = await ctx.call("coordinator", "GET", "/v1/admin/miners", {
      as: "admin",
      query: { provider_id: ctx.need("providerId") },
    });
    ctx.scratch.providerKeys = (
      miners.body as { miners: Array<{ public_key: string }> }
    ).miners.map((m) => m.public_key);
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
    const verification = verifyReceipt(receipt, {
      coordinatorKeys: ctx.need("coordinatorKeys"),
      providerKeys: ctx.scratch.providerKeys as string[],
    });
    ctx.check(
      "the receipt verifies with the provider's miner key and a published coordinator key",
      verification.valid,
      verification.errors.join("; ") || "provider and coordinator signatures valid and trusted",
    );
    ctx.check(
      "its input_hash is the sha256 of the prompt the customer sent",
      receipt.input_hash === contentDigest(JOB_PROMPT),
      receipt.input_hash,
    );
    const text = results.result?.output?.text;
    ctx.check(
      "its output_hash is the sha256 of the output the customer received",
      typeof text === "string" && receipt.output_hash === contentDigest(text),
      `${receipt.output_hash} for ${JSON.stringify(text?.slice(0, 40))}`,
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
