// `aitbc receipts [--limit N] [--job-id ID] [--verify]`: signed receipts, optionally verified.
import type { Receipt } from "@aitbc/sdk";
import { booleanOption, intOption, noPositionals, stringOption } from "../args.js";
import { CommandFailed } from "../output/explain-error.js";
import { microAitbc, shortHash, time } from "../output/format.js";
import { formatTable } from "../output/table.js";
import type { Command } from "./command.js";
import { checkReceipt, type ReceiptCheck } from "./receipt-check.js";

function verdict(check: ReceiptCheck): string {
  if (!check.valid) return "❌ INVALID";
  if (!check.inclusion) return "✅ signatures + chain anchor";
  return check.anchored ? "✅ signatures + batch proof" : "✅ signatures (batch not on chain yet)";
}

export const receiptsCommand: Command = {
  name: "receipts",
  summary: "list signed job receipts (--verify checks signatures and the chain anchor)",
  synopsis: "receipts [--limit N] [--job-id ID] [--verify]",
  usage: "receipts [--limit N] [--job-id ID] [--verify]",
  help: `Options:
  --limit N     how many, newest first (default 10)
  --job-id ID   only this job's receipt
  --verify      verify each receipt offline: the provider's and the coordinator's ed25519
                signatures (coordinator keys from GET /v1/keys) and the receipt hash anchored
                on chain: by the escrow release, or for a deposit-funded job by its
                settlement batch (the Merkle proof is checked against the root the node
                anchored); exits 1 if any check fails`,
  identity: "customer",
  options: { limit: { type: "string" }, "job-id": { type: "string" }, verify: { type: "boolean" } },
  async run({ client, out, values, positionals }) {
    noPositionals(positionals);
    const limit = intOption(values, "limit", { min: 1, max: 100 }) ?? 10;
    const jobId = stringOption(values, "job-id");
    const verify = booleanOption(values, "verify");
    const page = await client.coordinator.listReceipts({
      query: { limit, ...(jobId ? { job_id: jobId } : {}) },
    });
    const entries = page.receipts;
    if (jobId && entries.length === 0) {
      out.result({ receipts: [] });
      throw new CommandFailed(
        `No receipt for job ${jobId}.`,
        `A receipt exists once the job completes: aitbc status ${jobId} --watch.`,
        "no_receipt",
      );
    }
    let checks: ReceiptCheck[] | undefined;
    if (verify && entries.length > 0) {
      out.progress("verifying receipts…");
      const { keys } = await client.coordinator.listKeys();
      checks = await Promise.all(
        entries.map((e) =>
          checkReceipt(
            client,
            { ...e, receipt: e.receipt as Receipt, settlement: e.settlement ?? null },
            keys.map((k) => k.public_key),
          ),
        ),
      );
    }
    if (entries.length === 0)
      out.line(
        'No receipts yet. Submit a job: aitbc submit inference --prompt "Hello AITBC" --model aitbc-tiny:latest',
      );
    else
      out.line(
        formatTable(
          [
            "job",
            "model",
            "units",
            "cost",
            "completed",
            "settlement tx",
            ...(checks ? ["verified"] : []),
          ],
          entries.map((e, i) => {
            const r = e.receipt as Receipt;
            const check = checks?.[i];
            return [
              e.job_id,
              r.model,
              `${r.units} ${r.unit_type}`,
              microAitbc(r.cost),
              time(r.completed_at),
              e.settlement
                ? `batch ${e.settlement.batch_id.slice(0, 8)} #${e.settlement.leaf_index}`
                : shortHash(e.payment_tx_hash),
              ...(check ? [verdict(check)] : []),
            ];
          }),
        ),
      );
    for (const check of checks ?? []) {
      for (const error of check.errors) out.line(`  ${check.job_id}: ${error}`);
      if (check.valid && check.inclusion && check.anchored === null)
        out.line(
          `  ${check.job_id}: batch ${check.inclusion.batch_id} is not on chain yet; verify again once the payment is settled.`,
        );
    }
    const failed = checks?.filter((c) => !c.valid) ?? [];
    if (checks && failed.length === 0) {
      out.line("");
      out.line(
        `✅ ${checks.length} receipt(s) verified: provider and coordinator signatures valid, hash anchored on chain.`,
      );
    }
    const result = { receipts: entries, ...(checks ? { verification: checks } : {}) };
    if (failed.length > 0) {
      out.result(result);
      const proofFailed = failed.some((c) => c.inclusion && !c.inclusion.proof_valid);
      throw new CommandFailed(
        `${failed.length} receipt(s) failed verification.`,
        proofFailed
          ? "A batch inclusion proof does not match the root anchored on chain: do not trust these results; report the job ids and batch ids to the platform (the coordinator), and check with another node (--node-url) that the chain agrees."
          : "Do not trust these results; report the job ids to the provider and the platform.",
        "receipt_invalid",
      );
    }
    return result;
  },
};
