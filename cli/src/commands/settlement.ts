// After the result event the escrow release still has to land in a block; waiting for it lets
// `--watch` end on "settled" or "refunded" instead of "locked".
import { pollUntil, PollTimeoutError, type AitbcClient, type CoordinatorTypes } from "@aitbc/sdk";
import type { Output } from "../output/output.js";

/** The job's results once its payment is no longer locked, or the last ones read at the timeout. */
export async function waitForSettlement(
  client: AitbcClient,
  jobId: string,
  out: Output,
  timeoutMs = 20_000,
): Promise<CoordinatorTypes.JobResults> {
  let last: CoordinatorTypes.JobResults | undefined;
  try {
    return await pollUntil(
      async () => {
        if (last) out.progress("waiting for the payment to be settled on the chain…");
        last = await client.coordinator.getJobResults({ path: { job_id: jobId } });
        return last.payment.status !== "locked" ? last : undefined;
      },
      { timeoutMs, intervalMs: 300 },
    );
  } catch (err) {
    if (err instanceof PollTimeoutError && last) return last;
    throw err;
  }
}
