// A scripted miner for component tests: it speaks the real miner protocol through the SDK and
// signs real receipts with its own ed25519 key, the way @aitbc/miner does. Only the GPU is missing:
// the "output" is whatever the test says.
import {
  canonicalize,
  contentDigest,
  generateKeyPair,
  signReceipt,
  toBase64Url,
  type AitbcClient,
  type CoordinatorTypes,
  type KeyPair,
  type Receipt,
} from "@aitbc/sdk";
import { randomBytes } from "node:crypto";
import { meteredCost, unitsFromDuration } from "../../src/index.js";

export const TINY_MODEL = {
  name: "aitbc-tiny:latest",
  digest: "sha256:" + "ab".repeat(32),
  label: "random-weight test model",
};

export interface TestMiner {
  minerId: string;
  providerId: string;
  keys: KeyPair;
  client: AitbcClient;
  claim(waitS?: number): Promise<CoordinatorTypes.Claim | undefined>;
  heartbeat(activeJobIds: string[]): Promise<CoordinatorTypes.HeartbeatResponse>;
  complete(
    claim: CoordinatorTypes.Claim,
    text?: string,
    durationMs?: number,
    tamper?: (r: Receipt) => Receipt,
  ): Promise<CoordinatorTypes.CompleteJobResponse>;
  receiptFor(claim: CoordinatorTypes.Claim, text: string, durationMs: number): Receipt;
}

export async function registerMiner(
  provider: { id: string; client: AitbcClient },
  opts: {
    minerId?: string;
    models?: CoordinatorTypes.MinerModel[];
    taskTypes?: string[];
    maxConcurrency?: number;
    gpu?: CoordinatorTypes.MinerGpu | null;
    cpu?: CoordinatorTypes.MinerCpu;
    tokensOut?: number;
  } = {},
): Promise<TestMiner> {
  const keys = generateKeyPair();
  const reg = await provider.client.coordinator.registerMiner({
    body: {
      ...(opts.minerId ? { miner_id: opts.minerId } : {}),
      name: "test rig",
      public_key: toBase64Url(keys.publicKey),
      capabilities: {
        executor: "llamacpp",
        gpu: opts.gpu ?? null,
        cpu: opts.cpu ?? { model: "test cpu", cores: 2 },
        models: opts.models ?? [TINY_MODEL],
        task_types: opts.taskTypes ?? ["inference"],
        max_concurrency: opts.maxConcurrency ?? 1,
      },
    },
  });
  const minerId = reg.miner_id;
  const tokensOut = opts.tokensOut ?? 5;
  const client = provider.client;
  const receiptFor = (claim: CoordinatorTypes.Claim, text: string, durationMs: number): Receipt => {
    const job = claim.job;
    const req = job.requirements as { task_type: string; model?: string; prompt?: string };
    const started = new Date(Date.now() - durationMs);
    const unitPrice = BigInt(job.pricing.unit_price);
    return signReceipt(
      {
        receipt_id: randomBytes(16).toString("hex"),
        job_id: job.job_id,
        service_id: job.service_id,
        provider_id: job.provider_id,
        customer_id: job.customer_id,
        miner_id: minerId,
        model: req.model ?? "none",
        model_digest: TINY_MODEL.digest,
        input_hash:
          req.task_type === "inference"
            ? contentDigest(req.prompt!)
            : contentDigest(canonicalize(job.requirements)),
        output_hash: contentDigest(text),
        units: unitsFromDuration(durationMs),
        unit_type: "gpu_seconds",
        unit_price: job.pricing.unit_price,
        cost: meteredCost(unitPrice, durationMs, BigInt(job.budget.max_cost_micro)).toString(),
        tokens_in: 3,
        tokens_out: tokensOut,
        started_at: started.toISOString(),
        completed_at: new Date(started.getTime() + durationMs).toISOString(),
        chain_id: job.chain_id,
      },
      { secretKey: keys.secretKey, keyId: `provider:${job.provider_id}` },
    );
  };
  return {
    minerId,
    providerId: reg.provider_id,
    keys,
    client,
    async claim(waitS = 0) {
      const out = await client.coordinator.claimJob({
        path: { miner_id: minerId },
        body: { wait_s: waitS },
      });
      return (out as CoordinatorTypes.Claim | undefined) || undefined;
    },
    heartbeat: (ids) =>
      client.coordinator.heartbeatMiner({
        path: { miner_id: minerId },
        body: { active_job_ids: ids },
      }),
    receiptFor,
    complete(claim, text = "Hello from the tiny model.", durationMs = 1234, tamper) {
      let receipt = receiptFor(claim, text, durationMs);
      if (tamper) receipt = tamper(receipt);
      return client.coordinator.completeJob({
        path: { job_id: claim.job.job_id },
        body: {
          lease_id: claim.lease.lease_id,
          output: { text, finish_reason: "stop" },
          metering: { duration_ms: durationMs, tokens_in: 3, tokens_out: tokensOut },
          receipt: receipt as CoordinatorTypes.Receipt,
        },
      });
    },
  };
}
