// Step 3.2 with two requests a customer might send first: the CLI's `submit inference --prompt
// "Train a ResNet model on ImageNet" --model llama3.2:latest --ttl 900`, and a Python job_request (model_training with PyTorch,
// 250 AITBC). Here no miner serves llama3.2, so the first is refused with the reasons and moves no
// money. The second is accepted and its 250 AITBC are locked, but no miner of the dev provider
// trains models, so it waits in the queue; the customer cancels it and gets all 250 back.
import { toMicro } from "@aitbc/sdk";
import type { ScenarioCase } from "../scenario-case.js";

interface Balance {
  balance: number;
}
interface Job {
  job_id: string;
  status: string;
}
interface Results {
  status: string;
  payment: { status: string; amount: number; paid: number | null; refund: number | null };
}
interface Problem {
  code?: string;
  reasons?: Array<{ filter: string; message: string; excluded: string[] }>;
}

export const REFERENCE_CLI_MODEL = "llama3.2:latest";

export function trainingJobRequest(serviceId: string, customerId: string) {
  return {
    service_id: serviceId,
    customer_id: customerId,
    requirements: {
      task_type: "model_training",
      framework: "PyTorch",
      dataset_size: "10GB",
      estimated_duration: "2 hours",
    },
    budget: { max_cost: 250, currency: "AITBC" },
  };
}

export const referenceJobsRequested: ScenarioCase = {
  id: "3.2a",
  title:
    "A customer's own job requests: llama3.2 is refused with reasons, the training job is cancelled and refunded",
  needsRealState: true,
  thenChecks:
    "422 no_matching_service naming the model; 250 AITBC locked while queued; cancelled and exactly 250 refunded",
  async given(ctx) {
    ctx.need("serviceId");
    const res = await ctx.call("wallet", "GET", "/api/v1/wallet/balance", { as: "customer" });
    ctx.scratch.before = (res.body as Balance).balance;
  },
  async when(ctx) {
    const serviceId = ctx.need("serviceId");
    const served = ctx.state.servedModels ?? [];
    if (!ctx.isMock && served.includes(REFERENCE_CLI_MODEL)) {
      ctx.scratch.cliServed = true;
    } else {
      const cli = await ctx.call("coordinator", "POST", "/v1/jobs/create", {
        as: "customer",
        body: {
          service_id: serviceId,
          requirements: {
            task_type: "inference",
            model: REFERENCE_CLI_MODEL,
            prompt: "Train a ResNet model on ImageNet",
          },
          budget: { max_cost: 5, currency: "AITBC" },
          ttl_seconds: 900,
        },
        expect: ctx.isMock ? undefined : [422],
      });
      ctx.scratch.cli = cli.error?.problem;
    }
    const created = await ctx.call("coordinator", "POST", "/v1/jobs/create", {
      as: "customer",
      body: trainingJobRequest(serviceId, ctx.need("customerId")),
      expect: [201],
    });
    const job = created.body as Job;
    ctx.scratch.job = job;
    const locked = await ctx.call("wallet", "GET", "/api/v1/wallet/balance", { as: "customer" });
    ctx.scratch.whileQueued = (locked.body as Balance).balance;
    await ctx.call("coordinator", "POST", "/v1/jobs/{job_id}/cancel", {
      as: "customer",
      path: { job_id: job.job_id },
    });
    ctx.scratch.results = await ctx.pollUntil(
      async () =>
        (
          await ctx.call("coordinator", "GET", "/v1/jobs/{job_id}/results", {
            as: "customer",
            path: { job_id: job.job_id },
          })
        ).body as Results,
      (r) => r.payment?.status === "refunded",
    );
    const after = await ctx.call("wallet", "GET", "/api/v1/wallet/balance", { as: "customer" });
    ctx.scratch.after = (after.body as Balance).balance;
  },
  async then(ctx) {
    const s = ctx.scratch as {
      before: number;
      cli?: Problem;
      cliServed?: boolean;
      job: Job;
      whileQueued: number;
      results: Results;
      after: number;
    };
    if (s.cliServed) {
      ctx.pending(
        `the CLI's ${REFERENCE_CLI_MODEL} job is refused`,
        `the provider serves ${REFERENCE_CLI_MODEL} here, so the CLI's job would run`,
      );
    } else {
      const model = s.cli?.reasons?.find((r) => r.filter === "model");
      ctx.check(
        `the CLI's ${REFERENCE_CLI_MODEL} job is no_matching_service, because no miner serves the model`,
        s.cli?.code === "no_matching_service" &&
          Boolean(model?.message.includes(REFERENCE_CLI_MODEL)),
        `${s.cli?.code}: ${JSON.stringify(s.cli?.reasons ?? [])}`,
      );
    }
    ctx.check("the training job is queued", s.job.status === "queued", s.job.status);
    const locked = toMicro(s.before) - toMicro(s.whileQueued);
    ctx.check(
      "its 250 AITBC budget left the balance while it waited (and the refused job took nothing)",
      locked === toMicro(250),
      `${s.before} → ${s.whileQueued}`,
    );
    ctx.check(
      "after the cancel the job is cancelled and its payment refunded",
      s.results.status === "cancelled" &&
        s.results.payment.status === "refunded" &&
        s.results.payment.refund === 250 &&
        (s.results.payment.paid ?? 0) === 0,
      `${s.results.status}, ${JSON.stringify(s.results.payment)}`,
    );
    ctx.check(
      "the customer has exactly the balance from before",
      toMicro(s.after) === toMicro(s.before),
      `${s.before} → ${s.after}`,
    );
  },
};
