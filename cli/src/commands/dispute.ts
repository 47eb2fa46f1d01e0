// `aitbc dispute <job_id> [--reason TEXT] [--wait]`: disputes one of your completed jobs. The
// coordinator re-runs it on another provider's miner; a wrong result is paid back from the
// provider's bond, a right one costs the dispute fee.
import { ConflictError, pollUntil, type AitbcClient, type CoordinatorTypes } from "@aitbc/sdk";
import { onePositional, stringOption } from "../args.js";
import type { Output } from "../output/output.js";
import type { Command } from "./command.js";

type Dispute = CoordinatorTypes.Dispute;

const DEFAULT_REASON = "The result does not match the request.";
const WAIT_MS = 15 * 60_000;
const FINAL = new Set<Dispute["status"]>(["upheld", "rejected", "unverifiable"]);

export const disputeCommand: Command = {
  name: "dispute",
  summary: "dispute the result of one of your completed jobs (it is re-run elsewhere)",
  synopsis: "dispute <job_id>",
  usage: "dispute <job_id> [--reason TEXT] [--wait]",
  help: `Options:
  --reason TEXT   why the result is wrong (kept with the dispute)
  --wait          follow the dispute until it is decided

Within the dispute window after a job completed (24 h by default), the coordinator re-runs it with
the same prompt, parameters, seed and temperature on a miner of another provider and compares the
two runs. upheld: the runs disagree, you are paid back in full from the provider's bond.
rejected: they agree, and the dispute fee is recorded as owed. unverifiable: no other provider
could re-run it; no fee. Disputing a job again shows its dispute.`,
  identity: "customer",
  options: { reason: { type: "string" }, wait: { type: "boolean" } },
  async run({ client, out, values, positionals, signal }) {
    const jobId = onePositional(positionals, "job id (aitbc dispute <job_id>)");
    const reason = stringOption(values, "reason") ?? DEFAULT_REASON;
    let dispute: Dispute;
    try {
      dispute = await client.coordinator.createJobDispute({
        path: { job_id: jobId },
        body: { reason },
      });
      out.line(`⚖️  Job ${jobId} disputed; it will be re-run on another provider's miner.`);
    } catch (err) {
      if (!(err instanceof ConflictError) || err.code !== "dispute_exists") throw err;
      dispute = await client.coordinator.getJobDispute({ path: { job_id: jobId } });
      out.line(`Job ${jobId} was already disputed.`);
    }
    if (values.wait === true && !FINAL.has(dispute.status))
      dispute = await follow(client, jobId, dispute, out, signal);
    out.line(describe(dispute));
    return dispute;
  },
};

async function follow(
  client: AitbcClient,
  jobId: string,
  first: Dispute,
  out: Output,
  signal: AbortSignal,
): Promise<Dispute> {
  let seen = first.status;
  return pollUntil(
    async () => {
      const d = await client.coordinator.getJobDispute({ path: { job_id: jobId } });
      if (d.status !== seen) {
        seen = d.status;
        if (!FINAL.has(d.status)) out.progress(`dispute ${d.status}…`);
      }
      // An upheld dispute is finished once its refund is in a block (or known not to come).
      if (d.status === "upheld" && d.slash?.status === "pending") return undefined;
      return FINAL.has(d.status) ? d : undefined;
    },
    { timeoutMs: WAIT_MS, intervalMs: 1000, what: `the dispute of job ${jobId}`, signal },
  );
}

function describe(d: Dispute): string {
  const lines = [`  status:   ${d.status}`, `  reason:   ${d.reason}`];
  if (d.rerun_job_id) lines.push(`  re-run:   job ${d.rerun_job_id}`);
  if (d.verdict) lines.push(`  verdict:  ${d.verdict}`);
  if (d.status === "upheld" && d.refund !== null) {
    const slash = d.slash;
    const where =
      slash?.status === "confirmed"
        ? `paid from the provider's bond in block ${slash.block_height} (tx ${slash.tx_hash})`
        : slash?.status === "unbonded"
          ? "the provider has no bond to pay it from; the failure counts against its reputation"
          : slash?.status === "rejected"
            ? "the chain refused the slash; the failure counts against its reputation"
            : "on its way from the provider's bond";
    lines.push(`  refund:   ${d.refund} AITBC, ${where}`);
  }
  if (d.status === "rejected" && d.fee !== null)
    lines.push(`  fee:      ${d.fee} AITBC owed (the re-run agreed with the result)`);
  if (d.status === "unverifiable") lines.push("  no fee, no refund: nothing could re-run the job");
  return lines.join("\n");
}
