// The stack is ready for customers only when a miner of the dev provider is online and the dev
// service offers the model; until then a submitted job would get 422 no_matching_service.
import { pollUntil, type AitbcClient } from "@aitbc/sdk";

export async function waitForServedModel(
  client: AitbcClient,
  serviceId: string,
  model: string,
  timeoutMs: number,
  isAlive: () => boolean,
  signal?: AbortSignal,
): Promise<void> {
  let last = "no answer";
  await pollUntil(
    async () => {
      if (!isAlive()) throw new Error("the miner exited before it came online");
      try {
        const service = await client.coordinator.getService({ path: { service_id: serviceId } });
        if (service.models.includes(model)) return true;
        last = `${service.online_miners} online miner(s), models [${service.models.join(", ")}]`;
      } catch (err) {
        last = (err as Error).message;
      }
      return undefined;
    },
    {
      timeoutMs,
      intervalMs: 250,
      ...(signal ? { signal } : {}),
      timeoutError: () =>
        new Error(
          `No miner served ${model} on ${serviceId} within ${Math.round(timeoutMs / 1000)} s (${last}).`,
        ),
    },
  );
}
