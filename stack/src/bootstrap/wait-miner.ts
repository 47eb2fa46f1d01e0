// The stack is ready for customers only when a miner of the dev provider is online and the dev
// service offers the model; until then a submitted job would get 422 no_matching_service.
import type { AitbcClient } from "@aitbc/sdk";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitForServedModel(
  client: AitbcClient,
  serviceId: string,
  model: string,
  timeoutMs: number,
  isAlive: () => boolean,
  signal?: AbortSignal,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < until) {
    signal?.throwIfAborted();
    if (!isAlive()) throw new Error("the miner exited before it came online");
    try {
      const service = await client.coordinator.getService({ path: { service_id: serviceId } });
      if (service.models.includes(model)) return;
      last = `${service.online_miners} online miner(s), models [${service.models.join(", ")}]`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(250);
  }
  throw new Error(
    `No miner served ${model} on ${serviceId} within ${Math.round(timeoutMs / 1000)} s (${last}).`,
  );
}
