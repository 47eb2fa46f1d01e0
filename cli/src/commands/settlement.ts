// After the result event the escrow release still has to land in a block; waiting for it lets
// `--watch` end on "settled" or "refunded" instead of "locked".
import type { AitbcClient, CoordinatorTypes } from "@aitbc/sdk";
import type { Output } from "../output/output.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitForSettlement(
  client: AitbcClient,
  jobId: string,
  out: Output,
  timeoutMs = 20_000,
): Promise<CoordinatorTypes.JobResults> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const results = await client.coordinator.getJobResults({ path: { job_id: jobId } });
    if (results.payment.status !== "locked" || Date.now() > until) return results;
    out.progress("waiting for the payment to be settled on the chain…");
    await sleep(300);
  }
}
