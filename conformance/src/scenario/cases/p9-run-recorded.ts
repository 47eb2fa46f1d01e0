// The last step of a real run: what it proved (the job, its receipt and settlement, the balances
// at the end) is written to the record file, for the next run to check after a restart.
import type { Receipt } from "@aitbc/sdk";
import { Blocked, type ScenarioCase } from "../scenario-case.js";
import {
  readScenarioRecord,
  writeScenarioRecord,
  type ScenarioRecord,
} from "../scenario-record.js";

interface Account {
  balance_micro: string;
}

export const runRecorded: ScenarioCase = {
  id: "9",
  title: "The run is recorded for the check after a restart",
  needsRealState: true,
  thenChecks: "the record file reads back as written",
  notApplicable(ctx) {
    return ctx.recordFile ? undefined : "no record file: pass --stack-dir or --record";
  },
  async given(ctx) {
    const results = ctx.need("jobResults") as { receipt: Receipt | null; receipt_hash: string };
    if (!results.receipt) throw new Blocked("needs the job's receipt from 3.4");
    ctx.need("settlement");
  },
  async when(ctx) {
    const results = ctx.need("jobResults") as { receipt: Receipt; receipt_hash: string };
    const customer = await ctx.call("node", "GET", "/api/v1/account/{address}", {
      as: "anonymous",
      path: { address: ctx.need("customerAddress") },
    });
    const provider = await ctx.call("node", "GET", "/api/v1/account/{address}", {
      as: "anonymous",
      path: { address: ctx.need("providerAddress") },
    });
    const reputation = await ctx.call(
      "coordinator",
      "GET",
      "/v1/providers/{provider_id}/reputation",
      { as: "anonymous", path: { provider_id: ctx.need("providerId") } },
    );
    const record: ScenarioRecord = {
      version: 1,
      run_id: ctx.need("runId"),
      recorded_at: new Date().toISOString(),
      service_id: ctx.need("serviceId"),
      customer: {
        id: ctx.need("customerId"),
        api_key: ctx.need("customerKey"),
        address: ctx.need("customerAddress"),
        balance_micro: (customer.body as Account).balance_micro,
      },
      provider: {
        id: ctx.need("providerId"),
        address: ctx.need("providerAddress"),
        balance_micro: (provider.body as Account).balance_micro,
        rating_count: (reputation.body as { rating_count: number }).rating_count,
      },
      job: {
        job_id: ctx.need("jobId"),
        receipt_id: results.receipt.receipt_id,
        receipt_hash: results.receipt_hash,
      },
      settlement: ctx.need("settlement"),
    };
    writeScenarioRecord(ctx.recordFile!, record);
    ctx.scratch.record = record;
  },
  async then(ctx) {
    const file = ctx.recordFile!;
    const back = readScenarioRecord(file);
    ctx.check(
      `the record is in ${file}`,
      JSON.stringify(back) === JSON.stringify(ctx.scratch.record),
      `job ${(ctx.scratch.record as ScenarioRecord).job.job_id}`,
    );
  },
};
