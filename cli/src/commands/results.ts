// `aitbc results <job_id>`: the output, the metering, the receipt and the payment of a job.
import { receiptHash, type Receipt } from "@aitbc/sdk";
import { onePositional } from "../args.js";
import { CommandFailed } from "../output/explain-error.js";
import { microAitbc, state } from "../output/format.js";
import { formatFields } from "../output/table.js";
import { receiptUnits } from "../output/price.js";
import type { Command } from "./command.js";
import { paymentSummary } from "./job-view.js";

export const resultsCommand: Command = {
  name: "results",
  summary: "show a finished job's output, receipt and payment",
  synopsis: "results <job_id>",
  usage: "results <job_id>",
  identity: "customer",
  options: {},
  async run({ client, out, positionals }) {
    const jobId = onePositional(positionals, "job id (aitbc results <job_id>)");
    const results = await client.coordinator.getJobResults({ path: { job_id: jobId } });
    const fields: Array<[string, string | number | null | undefined]> = [
      ["Job ID", results.job_id],
      ["Status", state(results.status)],
      ["Payment", paymentSummary(results.payment)],
      ["Settlement tx", results.payment.tx_hash],
    ];
    const receipt = results.receipt as Receipt | null;
    if (results.result) {
      const { metering, model, miner_id, output } = results.result;
      fields.push(
        ["Model", model],
        ["Miner", miner_id],
        ["Duration", `${metering.duration_ms} ms`],
        [
          "Tokens",
          `${metering.tokens_in} in, ${metering.tokens_out} out (finish: ${output.finish_reason})`,
        ],
      );
    }
    if (receipt) {
      fields.push(
        ["Receipt", receipt.receipt_id],
        ["Receipt hash", results.receipt_hash ?? receiptHash(receipt)],
        ["Units", receiptUnits(receipt)],
        ["Cost", microAitbc(receipt.cost)],
        ["Signed by", receipt.signatures.map((s) => s.key_id).join(", ")],
      );
    }
    out.line(formatFields(fields));
    if (results.result) {
      out.line("");
      out.line("Output:");
      out.line(results.result.output.text);
    }
    if (receipt) {
      out.line("");
      out.line(`Verify the receipt: aitbc receipts --job-id ${jobId} --verify`);
    }
    if (results.failure) out.line(`Failure: ${results.failure.code}: ${results.failure.message}`);
    if (results.status !== "completed") {
      out.result(results);
      throw new CommandFailed(
        results.failure || ["expired", "cancelled"].includes(results.status)
          ? `Job ${jobId} has no results: it ${results.status}.`
          : `Job ${jobId} is not finished yet (${results.status}).`,
        `aitbc status ${jobId} --watch follows it.`,
        results.failure || ["expired", "cancelled"].includes(results.status)
          ? `job_${results.status}`
          : "not_finished",
      );
    }
    return results;
  },
};
