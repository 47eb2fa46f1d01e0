// `aitbc earnings [--since DATE]`: what a provider's jobs earned, from its signed receipts: per
// service, paid on chain or still settling. Sums are bigint micro-AITBC, never floats.
import { formatAitbc, paginate } from "@aitbc/sdk";
import { noPositionals, stringOption } from "../args.js";
import { UsageError } from "../output/explain-error.js";
import type { Command } from "./command.js";

interface ServiceEarnings {
  service_id: string;
  jobs: number;
  earned_micro: bigint;
  settled_micro: bigint;
}

export const earningsCommand: Command = {
  name: "earnings",
  summary: "what your jobs earned, per service, from their signed receipts (providers)",
  synopsis: "earnings [--since DATE]",
  usage: "earnings [--since DATE]",
  help: `Options:
  --since DATE   only receipts from DATE on (ISO 8601, for example 2026-12-01)

"settled" is paid to your address on chain; the rest is waiting for its settlement.`,
  identity: "provider",
  options: { since: { type: "string" } },
  async run({ client, out, values, positionals }) {
    noPositionals(positionals);
    const sinceText = stringOption(values, "since");
    const since = sinceText === undefined ? undefined : Date.parse(sinceText);
    if (since !== undefined && Number.isNaN(since))
      throw new UsageError(`--since must be a date such as 2026-12-01, got "${sinceText}".`);
    const me = await client.coordinator.getMe();
    const byService = new Map<string, ServiceEarnings>();
    for await (const entry of paginate(client.coordinator, "listReceipts", { limit: 100 })) {
      // Newest first: once past --since, every later page is older still.
      if (since !== undefined && Date.parse(entry.created_at) < since) break;
      const r = entry.receipt;
      if (r.provider_id !== me.id) continue;
      const row = byService.get(r.service_id) ?? {
        service_id: r.service_id,
        jobs: 0,
        earned_micro: 0n,
        settled_micro: 0n,
      };
      row.jobs++;
      row.earned_micro += BigInt(r.cost);
      if (entry.payment_tx_hash) row.settled_micro += BigInt(r.cost);
      byService.set(r.service_id, row);
    }
    const rows = [...byService.values()].sort((a, b) => a.service_id.localeCompare(b.service_id));
    const total = rows.reduce((sum, r) => sum + r.earned_micro, 0n);
    const settled = rows.reduce((sum, r) => sum + r.settled_micro, 0n);
    out.line(
      rows.length === 0
        ? "No receipts yet: your miners' completed jobs show here."
        : out.table(
            ["service", "jobs", "earned", "settled", "settling"],
            rows.map((r) => [
              r.service_id,
              r.jobs,
              `${formatAitbc(r.earned_micro)} AITBC`,
              `${formatAitbc(r.settled_micro)} AITBC`,
              `${formatAitbc(r.earned_micro - r.settled_micro)} AITBC`,
            ]),
          ),
    );
    if (rows.length)
      out.line(`Total: ${formatAitbc(total)} AITBC earned, ${formatAitbc(settled)} AITBC settled.`);
    return {
      provider_id: me.id,
      since: sinceText ?? null,
      earned_micro: total.toString(),
      settled_micro: settled.toString(),
      services: rows.map((r) => ({
        service_id: r.service_id,
        jobs: r.jobs,
        earned_micro: r.earned_micro.toString(),
        settled_micro: r.settled_micro.toString(),
      })),
    };
  },
};
