// The last phase: the dev miner. The stack counts as up only once the dev service offers the dev
// model, which proves the whole path from provider key to a claimable job works.
import { sleep, type AitbcClient } from "@aitbc/sdk";
import { DEV_MODEL } from "../bootstrap/dev-service.js";
import { waitForServedModel } from "../bootstrap/wait-miner.js";
import type { DevCredentials } from "../files/stack-files.js";
import { ServiceStartError } from "../process/wait-healthy.js";
import { minerService, type PlanContext } from "../services/service-plan.js";
import type { ServiceSpawner } from "./service-spawner.js";
import type { StackStep } from "./stack-types.js";

export async function startDevMiner(
  ctx: PlanContext,
  admin: AitbcClient,
  credentials: DevCredentials,
  spawner: ServiceSpawner,
  opts: { phaseTimeoutMs: number; step: (step: StackStep) => void; signal?: AbortSignal },
): Promise<void> {
  const minerStart = Date.now();
  const miner = spawner.spawn(minerService(ctx, credentials.provider.api_key));
  opts.step({ kind: "starting", services: ["miner"] });
  try {
    await waitForServedModel(
      admin.withApiKey(credentials.provider.api_key),
      credentials.provider.service_id,
      DEV_MODEL,
      opts.phaseTimeoutMs,
      () => miner.running,
      opts.signal,
    );
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    // Give the exit a moment to land so the report says "exited", with the miner's last words.
    await Promise.race([miner.exited, sleep(200)]);
    throw new ServiceStartError(
      "miner",
      `miner: ${(err as Error).message}`,
      miner.tail(),
      miner.logFile,
    );
  }
  opts.step({ kind: "miner-online", model: DEV_MODEL, ms: Date.now() - minerStart });
}
