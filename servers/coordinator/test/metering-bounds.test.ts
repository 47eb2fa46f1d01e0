// A provider's miner tries to bill more than it did: a whole budget for a job it finished 50 ms
// after claiming it, or more tokens than the job allowed. The receipts are correctly signed with
// the miner's registered key; only the coordinator's own observations can refuse them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { signReceipt, toMicro, type CoordinatorTypes, type Receipt } from "@aitbc/sdk";
import { failure, type Account, type Harness } from "./support/harness.js";
import { startMarket } from "./support/market.js";
import { type TestMiner } from "./support/miner-double.js";
import { meteredCost, unitsFromDuration } from "../src/index.js";

describe.each(testDatabaseKinds())("metering bounds (%s)", (kind) => {
  let h: Harness;
  let provider: Account;
  let customer: Account;
  let miner: TestMiner;

  beforeAll(async () => {
    // The production default: 1 s of tolerance on top of what the coordinator observed.
    ({ h, provider, customer, miner } = await startMarket(
      kind,
      { provider: "greedy-gpu", customer: "victim", service: "greedy-svc" },
      { meteringToleranceMs: 1000 },
    ));
  });
  afterAll(() => h.close());

  const submit = async (prompt: string, maxTokens?: number) => {
    await customer.client.coordinator.createJob({
      body: {
        requirements: {
          task_type: "inference",
          model: "aitbc-tiny:latest",
          prompt,
          ...(maxTokens !== undefined ? { max_tokens: maxTokens } : {}),
        },
        budget: { max_cost: 50, currency: "AITBC" },
      },
    });
    return (await miner.claim(0))!;
  };

  /** What a cheating miner sends: its own metering, in a receipt it signs correctly. */
  const completeWith = (
    claim: CoordinatorTypes.Claim,
    text: string,
    metering: CoordinatorTypes.Metering,
  ) => {
    const honest = miner.receiptFor(claim, text, metering.duration_ms);
    const { signatures: _old, ...unsigned } = honest;
    const cost = meteredCost(
      BigInt(claim.job.pricing.unit_price),
      metering.duration_ms,
      BigInt(claim.job.budget.max_cost_micro),
    );
    const receipt: Receipt = signReceipt(
      {
        ...unsigned,
        units: unitsFromDuration(metering.duration_ms),
        cost: cost.toString(),
        tokens_in: metering.tokens_in,
        tokens_out: metering.tokens_out,
      },
      { secretKey: miner.keys.secretKey, keyId: `provider:${claim.job.provider_id}` },
    );
    return provider.client.coordinator.completeJob({
      path: { job_id: claim.job.job_id },
      body: {
        lease_id: claim.lease.lease_id,
        output: { text, finish_reason: "stop" },
        metering,
        receipt: receipt as CoordinatorTypes.Receipt,
      },
    });
  };

  const fields = (err: { problem: { errors?: unknown } }) =>
    ((err.problem.errors ?? []) as Array<{ field: string }>).map((e) => e.field);

  it("refuses a whole budget billed for a job finished 50 ms after its claim", async () => {
    const before = h.settlement.balanceOf(customer.apiKey);
    const claim = await submit("Hello AITBC", 16);
    await new Promise((r) => setTimeout(r, 50));
    const greedy = await failure(() =>
      completeWith(claim, "Hi.", { duration_ms: 3_600_000_000, tokens_in: 3, tokens_out: 2 }),
    );
    expect(greedy).toMatchObject({ status: 422, code: "receipt_invalid" });
    expect(fields(greedy)).toContain("body.metering.duration_ms");

    // Nothing was paid: the budget is still in escrow, the provider got nothing.
    expect(h.settlement.paidTo.get(provider.address) ?? 0n).toBe(0n);
    expect(h.settlement.balanceOf(customer.apiKey)).toBe(before - toMicro(50));
    expect(h.settlement.escrows.get(claim.job.job_id)?.status).toBe("locked");
    const held = await customer.client.coordinator.getJobStatus({
      path: { job_id: claim.job.job_id },
    });
    expect(held.status).toBe("assigned");

    // The same miner billing what it could have used is paid that, not the budget.
    const honest = await completeWith(claim, "Hi.", {
      duration_ms: 40,
      tokens_in: 3,
      tokens_out: 2,
    });
    expect(honest.status).toBe("completed");
    expect(h.settlement.balanceOf(customer.apiKey)).toBe(before - toMicro(0.001111));
  });

  it("refuses more output tokens than max_tokens or than the output could hold", async () => {
    const capped = await submit("Count to three", 8);
    const overCap = await failure(() =>
      completeWith(capped, "one two three", { duration_ms: 1, tokens_in: 4, tokens_out: 9 }),
    );
    expect(overCap).toMatchObject({ status: 422, code: "receipt_invalid" });
    expect(fields(overCap)).toEqual(["body.metering.tokens_out"]);
    await completeWith(capped, "one two three", { duration_ms: 1, tokens_in: 4, tokens_out: 8 });

    const uncapped = await submit("Say hi");
    const padded = await failure(() =>
      completeWith(uncapped, "hi", { duration_ms: 1, tokens_in: 2, tokens_out: 2 + 64 + 1 }),
    );
    expect(fields(padded)).toEqual(["body.metering.tokens_out"]);
    const inflated = await failure(() =>
      completeWith(uncapped, "hi", { duration_ms: 1, tokens_in: 6 + 64 + 1, tokens_out: 1 }),
    );
    expect(fields(inflated)).toEqual(["body.metering.tokens_in"]);
    const ok = await completeWith(uncapped, "hi", {
      duration_ms: 1,
      tokens_in: 6 + 64,
      tokens_out: 2 + 64,
    });
    expect(ok.status).toBe("completed");
  });
});
