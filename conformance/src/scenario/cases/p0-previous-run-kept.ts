// After a restart (issue: "the scenario passes again after a restart: no job, receipt or balance
// lost"): the run recorded before (scenario-record.ts) is read back through the public APIs. Its
// customer sees the same completed job, the same receipt and the same settled payment; its balance
// is exactly what it was; every node still has the settlement in the same block; the provider has
// not lost money or reviews. On the first run against a data directory there is nothing to compare.
import { existsSync } from "node:fs";
import type { Receipt } from "@aitbc/sdk";
import type { ScenarioCase } from "../scenario-case.js";
import { readScenarioRecord, type ScenarioRecord } from "../scenario-record.js";
import type { ChainTx } from "./p4-payment-settled.js";

interface Results {
  status: string;
  receipt: Receipt | null;
  receipt_hash: string | null;
  payment: { status: string; tx_hash: string | null };
}
interface ListedReceipt {
  job_id: string;
  receipt_hash: string;
  receipt: Receipt;
}
interface Account {
  balance_micro: string;
}

export const previousRunKept: ScenarioCase = {
  id: "0",
  title: "What the previous run recorded is all still there (after a restart)",
  needsRealState: true,
  thenChecks:
    "the recorded job, receipt, settlement, balances and reviews are unchanged and on every node",
  notApplicable(ctx) {
    const file = ctx.recordFile;
    if (!file) return "no record file: pass --stack-dir or --record to compare runs";
    if (!existsSync(file)) return `no earlier run recorded in ${file}`;
    return undefined;
  },
  async given(ctx) {
    const record = readScenarioRecord(ctx.recordFile!)!;
    ctx.scratch.record = record;
    ctx.remember("previousKey", record.customer.api_key);
  },
  async when(ctx) {
    const record = ctx.scratch.record as ScenarioRecord;
    const path = { job_id: record.job.job_id };
    const status = await ctx.call("coordinator", "GET", "/v1/jobs/{job_id}/status", {
      as: "previous",
      path,
    });
    const results = await ctx.call("coordinator", "GET", "/v1/jobs/{job_id}/results", {
      as: "previous",
      path,
    });
    const receipts = await ctx.call("coordinator", "GET", "/v1/receipts", {
      as: "previous",
      query: { job_id: record.job.job_id, limit: 10 },
    });
    const balance = await ctx.call("node", "GET", "/api/v1/account/{address}", {
      as: "anonymous",
      path: { address: record.customer.address },
    });
    const provider = await ctx.call("node", "GET", "/api/v1/account/{address}", {
      as: "anonymous",
      path: { address: record.provider.address },
    });
    const reputation = await ctx.call(
      "coordinator",
      "GET",
      "/v1/providers/{provider_id}/reputation",
      { as: "anonymous", path: { provider_id: record.provider.id } },
    );
    const onNodes: ChainTx[] = [];
    for (const url of ctx.nodeUrls) {
      const tx = await ctx.call("node", "POST", "/api/v1/transaction/get", {
        as: "anonymous",
        at: url,
        body: { tx_hash: record.settlement.tx_hash },
      });
      onNodes.push(tx.body as ChainTx);
    }
    ctx.scratch = {
      record,
      status: (status.body as { status: string }).status,
      results: results.body,
      receipts: (receipts.body as { receipts: ListedReceipt[] }).receipts,
      customerBalance: (balance.body as Account).balance_micro,
      providerBalance: (provider.body as Account).balance_micro,
      ratingCount: (reputation.body as { rating_count: number }).rating_count,
      onNodes,
    };
  },
  async then(ctx) {
    const s = ctx.scratch as {
      record: ScenarioRecord;
      status: string;
      results: Results;
      receipts: ListedReceipt[];
      customerBalance: string;
      providerBalance: string;
      ratingCount: number;
      onNodes: ChainTx[];
    };
    const { record } = s;
    ctx.check(
      `the job ${record.job.job_id} is still completed`,
      s.status === "completed" && s.results.status === "completed",
      `${s.status} / ${s.results.status}`,
    );
    ctx.check(
      "its results carry the same receipt",
      s.results.receipt?.receipt_id === record.job.receipt_id &&
        s.results.receipt_hash === record.job.receipt_hash,
      `${s.results.receipt?.receipt_id} ${s.results.receipt_hash}`,
    );
    ctx.check(
      "the receipt is still listed with the same hash",
      s.receipts.some(
        (r) =>
          r.receipt.receipt_id === record.job.receipt_id &&
          r.receipt_hash === record.job.receipt_hash,
      ),
      `${s.receipts.length} receipts for the job`,
    );
    ctx.check(
      "the payment is still settled by the same transaction",
      s.results.payment.status === "settled" &&
        s.results.payment.tx_hash === record.settlement.tx_hash,
      `${s.results.payment.status} ${s.results.payment.tx_hash}`,
    );
    ctx.check(
      "the customer's balance is exactly what it was",
      s.customerBalance === record.customer.balance_micro,
      `${record.customer.balance_micro} → ${s.customerBalance} micro-AITBC`,
    );
    ctx.check(
      "the provider lost no money and no reviews",
      BigInt(s.providerBalance) >= BigInt(record.provider.balance_micro) &&
        s.ratingCount >= record.provider.rating_count,
      `${record.provider.balance_micro} → ${s.providerBalance} micro-AITBC, ${record.provider.rating_count} → ${s.ratingCount} reviews`,
    );
    ctx.check(
      `all ${s.onNodes.length} nodes still have the settlement in the same block`,
      s.onNodes.every(
        (t) =>
          t.status === "confirmed" &&
          t.block_height === record.settlement.block_height &&
          t.block_hash === record.settlement.block_hash,
      ),
      s.onNodes.map((t) => `${t.status} at ${t.block_height}`).join("; "),
    );
  },
};
