// The verdict of a re-run: the SDK's output agreement rule over the two receipts and texts. A
// disagreement fails the original; runs the rule cannot relate blame nobody.
import { agree, type Receipt } from "@aitbc/sdk";
import type { JobRecord } from "../jobs/job-types.js";
import type { CheckStatus } from "./verification-store.js";

export interface Verdict {
  status: Extract<CheckStatus, "passed" | "failed" | "unverifiable">;
  verdict: string;
}

export function rerunVerdict(
  original: { job: JobRecord; receipt: Receipt | undefined },
  rerun: { job: JobRecord; receipt: Receipt | undefined },
): Verdict {
  if (rerun.job.status !== "completed")
    return { status: "unverifiable", verdict: `the re-run ended ${rerun.job.status}` };
  if (!original.receipt || !original.job.output)
    return { status: "unverifiable", verdict: "the original run has no receipt" };
  if (!rerun.receipt || !rerun.job.output)
    return { status: "unverifiable", verdict: "the re-run has no receipt" };
  const a = agree(
    { receipt: original.receipt, text: original.job.output.text },
    { receipt: rerun.receipt, text: rerun.job.output.text },
  );
  if (a.verdict === "agree") return { status: "passed", verdict: `${a.rule}: the runs agree` };
  if (a.verdict === "disagree") return { status: "failed", verdict: `${a.rule}: ${a.reason}` };
  return { status: "unverifiable", verdict: `incomparable: ${a.reason}` };
}

/** The penalty of a slash: `bps` of the refund, at least 1 micro so every slash costs something. */
export function slashPenalty(refundMicro: bigint, bps: number): bigint {
  const p = (refundMicro * BigInt(bps)) / 10_000n;
  return p > 0n ? p : 1n;
}
