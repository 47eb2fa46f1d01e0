// Spot checks and disputes on a real coordinator: a completed job is re-run on a miner of another
// provider that serves the same model digest, the two runs are compared by the SDK's agreement
// rule, and a failure slashes the provider's bond (a chain double here; on a real 3-node chain in
// verification-chain.test.ts) and shows in its reputation and on its service card.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { fromMicro, toMicro } from "@aitbc/sdk";
import {
  createAccount,
  eventually,
  failure,
  fundedCustomer,
  serviceConfig,
  startHarness,
  type Account,
  type Harness,
} from "./support/harness.js";
import { registerMiner, type TestMiner } from "./support/miner-double.js";
import { SlashChainDouble } from "./support/slash-chain-double.js";
import { CHEATS, executedRun as run, type Run } from "./support/executed-run.js";

/** Every event of a job's stream from the start, and the close code, once the server closes it. */
function streamed(
  url: string,
  apiKey: string,
  jobId: string,
): Promise<{ events: Array<{ type: string; data: Record<string, unknown> }>; code: number }> {
  return new Promise((resolve, reject) => {
    const events: Array<{ type: string; data: Record<string, unknown> }> = [];
    const ws = new WebSocket(`${url.replace(/^http/, "ws")}/v1/jobs/${jobId}/stream`, {
      headers: { "X-API-Key": apiKey },
    });
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error("the stream did not close"));
    }, 10_000);
    ws.on("message", (m) => events.push(JSON.parse(String(m))));
    ws.on("close", (code) => {
      clearTimeout(timer);
      resolve({ events, code });
    });
    ws.on("error", reject);
  });
}

describe.each(testDatabaseKinds())("spot checks and disputes (%s)", (kind) => {
  let h: Harness;
  let chain: SlashChainDouble;
  let cheat: Account;
  let honest: Account;
  let customer: Account;
  let cheatMiner: TestMiner;
  let honestMiner: TestMiner;

  beforeAll(async () => {
    chain = new SlashChainDouble();
    h = await startHarness(
      kind,
      { spotCheckRate: 1, disputeWindowS: 3600, disputeFeeMicro: 20_000n },
      undefined,
      { slashChain: chain },
    );
    cheat = await createAccount(h, "provider", "cheap-gpu");
    honest = await createAccount(h, "provider", "honest-gpu");
    customer = await fundedCustomer(h, "spot-customer");
    // The cheat is the cheapest listing, so the customer's jobs go to it.
    await cheat.client.coordinator.registerService({
      body: serviceConfig("cheap-svc", { pricing: { rate_per_hour: 50, currency: "AITBC" } }),
    });
    await honest.client.coordinator.registerService({ body: serviceConfig("honest-svc") });
    cheatMiner = await registerMiner(cheat);
    honestMiner = await registerMiner(honest);
    chain.bonds.set(cheat.address, toMicro(100));
  });
  afterAll(() => h.close());
  afterEach(async () => {
    // Nothing left queued for the next case.
    await cheatMiner.heartbeat([]);
  });

  const submit = () =>
    customer.client.coordinator.createJob({
      body: {
        service_id: "cheap-svc",
        requirements: {
          task_type: "inference",
          model: "aitbc-tiny:latest",
          prompt: "What is the capital of France?",
          max_tokens: 64,
          temperature: 0,
        },
        budget: { max_cost: 1, currency: "AITBC" },
      },
    });

  /** The customer's job runs on the cheat's miner as `how`, the re-run on the honest one. */
  async function checkedJob(how: Run) {
    const job = await submit();
    const claim = (await cheatMiner.claim(0))!;
    expect(claim.job.job_id).toBe(job.job_id);
    const done = await run(cheatMiner, claim, how);
    const rerunClaim = await eventually(
      () => honestMiner.claim(0),
      "the re-run reaches the honest miner",
    );
    expect(rerunClaim.job.provider_id).toBe("honest-gpu");
    expect(rerunClaim.job.requirements).toMatchObject({
      prompt: "What is the capital of France?",
      temperature: 0,
      max_tokens: 64,
    });
    await run(honestMiner, rerunClaim);
    const check = await eventually(async () => {
      const row = await h.db()("verification_checks").where({ job_id: job.job_id }).first();
      return row && ["passed", "failed", "unverifiable"].includes(row.status) ? row : undefined;
    }, "the spot check's verdict");
    return { job, done, check, rerunJobId: rerunClaim.job.job_id };
  }

  const reputation = () =>
    h.as(undefined).coordinator.getProviderReputation({ path: { provider_id: "cheap-gpu" } });

  it("passes an honest run and pays nobody back", async () => {
    const before = (await reputation()).checks;
    const { check, rerunJobId } = await checkedJob({});
    expect(check.status).toBe("passed");
    expect(check.verdict).toBe("exact: the runs agree");
    // The re-run's provider is owed its pay by the pool; no payer is wired here.
    expect(check.verifier_payout_status).toBe("pending");
    const rerun = await honest.client.coordinator.getJobStatus({ path: { job_id: rerunJobId } });
    expect(rerun.payment.funding).toBe("verification");
    expect((await reputation()).checks).toEqual({
      checked: before.checked + 1,
      passed: before.passed + 1,
      failed: before.failed,
    });
    expect(chain.slashes).toHaveLength(0);
  });

  for (const [name, how] of CHEATS) {
    it(`catches a miner that ${name} and pays the customer back from the bond`, async () => {
      const before = (await reputation()).checks;
      const { job, done, check } = await checkedJob(how);
      expect(check.status).toBe("failed");
      const paid = toMicro(done.payment.paid ?? 0);
      expect(paid).toBeGreaterThan(0n);
      const slash = await eventually(async () => {
        const row = await h.db()("verification_slashes").where({ job_id: job.job_id }).first();
        return row?.status === "confirmed" ? row : undefined;
      }, "the slash is in a block");
      expect(slash.reason).toBe("spot_check_failed");
      const sent = chain.slashes.find((s) => s.jobId === job.job_id)!;
      expect(sent).toMatchObject({
        provider: cheat.address,
        customer: customer.address,
        refundMicro: paid,
        penaltyMicro: paid / 2n > 0n ? paid / 2n : 1n,
        reason: "spot_check_failed",
      });
      const after = await reputation();
      expect(after.checks).toEqual({
        checked: before.checked + 1,
        passed: before.passed,
        failed: before.failed + 1,
      });
      const [card] = (
        await h
          .as(undefined)
          .coordinator.listServices({ query: { provider_id: "cheap-gpu" } as never })
      ).services.filter((s) => s.service_id === "cheap-svc");
      expect(card?.verification).toEqual(after.checks);
    });
  }

  it("records a check without another provider's miner as unverifiable, blaming nobody", async () => {
    const before = (await reputation()).checks;
    // The honest miner goes quiet: no eligible verifier.
    await h
      .db()("miners")
      .where({ miner_id: honestMiner.minerId })
      .update({
        last_heartbeat_at: new Date(Date.now() - 3_600_000).toISOString(),
      });
    try {
      const job = await submit();
      const claim = (await cheatMiner.claim(0))!;
      await run(cheatMiner, claim, { text: "made up" });
      const check = await eventually(async () => {
        const row = await h.db()("verification_checks").where({ job_id: job.job_id }).first();
        return row?.status === "unverifiable" ? row : undefined;
      }, "an unverifiable check");
      expect(check.verdict).toMatch(/no online miner of another provider/);
      expect((await reputation()).checks).toEqual(before);
    } finally {
      await honestMiner.heartbeat([]);
    }
  });

  describe("disputes", () => {
    it("upholds a dispute of a wrong answer: refund from the bond, events on the stream", async () => {
      const { job, done } = await checkedJobWithoutSpotCheck({ text: "Berlin." });
      const opened = await customer.client.coordinator.createJobDispute({
        path: { job_id: job.job_id },
        body: { reason: "Wrong capital." },
      });
      expect(opened).toMatchObject({
        status: "open",
        job_id: job.job_id,
        reason: "Wrong capital.",
      });
      const again = await failure(() =>
        customer.client.coordinator.createJobDispute({
          path: { job_id: job.job_id },
          body: { reason: "Again." },
        }),
      );
      expect([again.status, again.code]).toEqual([409, "dispute_exists"]);
      const rerunClaim = await eventually(() => honestMiner.claim(0), "the dispute's re-run");
      await run(honestMiner, rerunClaim);
      const upheld = await eventually(async () => {
        const d = await customer.client.coordinator.getJobDispute({ path: { job_id: job.job_id } });
        return d.status === "upheld" && d.slash?.status === "confirmed" ? d : undefined;
      }, "the dispute upheld and its slash in a block");
      expect(upheld.refund).toBe(done.payment.paid);
      expect(upheld.verdict).toMatch(/^exact: outputs differ/);
      const events = await h
        .db()("job_events")
        .where({ job_id: job.job_id, type: "dispute" })
        .orderBy("seq");
      expect(events.map((e: { data: string }) => JSON.parse(e.data).status)).toEqual([
        "open",
        "rerunning",
        "upheld",
      ]);
      // A replay of the stream goes on past the result to the dispute's end, then closes.
      const replay = await streamed(h.url, customer.apiKey, job.job_id);
      expect(replay.code).toBe(1000);
      expect(replay.events.map((e) => e.type).slice(-4)).toEqual([
        "result",
        "dispute",
        "dispute",
        "dispute",
      ]);
      expect(replay.events.at(-1)?.data).toMatchObject({
        status: "upheld",
        refund: done.payment.paid,
      });
    });

    it("rejects a dispute of a right answer and records the fee as owed", async () => {
      const { job } = await checkedJobWithoutSpotCheck({});
      await customer.client.coordinator.createJobDispute({
        path: { job_id: job.job_id },
        body: { reason: "I do not like it." },
      });
      const rerunClaim = await eventually(() => honestMiner.claim(0), "the dispute's re-run");
      await run(honestMiner, rerunClaim);
      const rejected = await eventually(async () => {
        const d = await customer.client.coordinator.getJobDispute({ path: { job_id: job.job_id } });
        return d.status === "rejected" ? d : undefined;
      }, "the dispute rejected");
      expect(rejected).toMatchObject({ fee: fromMicro(20_000n), refund: null, slash: null });
      expect(chain.slashes.some((s) => s.jobId === job.job_id)).toBe(false);
    });

    it("refuses the provider (403), a stranger (404), an unfinished job (409) and a late dispute (422)", async () => {
      const { job } = await checkedJobWithoutSpotCheck({});
      const asProvider = await failure(() =>
        cheat.client.coordinator.createJobDispute({
          path: { job_id: job.job_id },
          body: { reason: "x" },
        }),
      );
      expect(asProvider.status).toBe(403);
      const stranger = await fundedCustomer(h, "stranger");
      const asStranger = await failure(() =>
        stranger.client.coordinator.createJobDispute({
          path: { job_id: job.job_id },
          body: { reason: "x" },
        }),
      );
      expect(asStranger.status).toBe(404);

      const queued = await submit();
      const unfinished = await failure(() =>
        customer.client.coordinator.createJobDispute({
          path: { job_id: queued.job_id },
          body: { reason: "x" },
        }),
      );
      expect([unfinished.status, unfinished.code]).toEqual([409, "job_not_disputable"]);
      await customer.client.coordinator.cancelJob({ path: { job_id: queued.job_id } });

      await h
        .db()("jobs")
        .where({ job_id: job.job_id })
        .update({
          finished_at: new Date(Date.now() - 3_601_000).toISOString(),
        });
      const late = await failure(() =>
        customer.client.coordinator.createJobDispute({
          path: { job_id: job.job_id },
          body: { reason: "x" },
        }),
      );
      expect([late.status, late.code]).toEqual([422, "dispute_window_closed"]);
      const none = await failure(() =>
        customer.client.coordinator.getJobDispute({ path: { job_id: job.job_id } }),
      );
      expect(none.status).toBe(404);
    });
  });

  /** A completed job of the cheat's whose spot check is taken out of the way (rate 1 here). */
  async function checkedJobWithoutSpotCheck(how: Run) {
    const job = await submit();
    const claim = (await cheatMiner.claim(0))!;
    const done = await run(cheatMiner, claim, how);
    // Let the spot check run to its end so its re-run is not mistaken for the dispute's.
    const rerunClaim = await eventually(() => honestMiner.claim(0), "the spot check's re-run");
    await run(honestMiner, rerunClaim);
    await eventually(async () => {
      const row = await h
        .db()("verification_checks")
        .where({ job_id: job.job_id, kind: "spot_check" })
        .first();
      return row && row.status !== "open" && row.status !== "rerunning";
    }, "the spot check's verdict");
    return { job, done };
  }
});
