// Four validators, one cut off by a network partition and then healed. The three on the majority
// side keep finalizing (3 of 4 is the quorum); the isolated one keeps producing blocks but cannot
// finalize anything alone. Pass rule: within 10 s of healing, all four report the same finalized
// block at or above the majority's finalized height at the moment of healing.
//
// The partition lasts AITBC_PARTITION_SECONDS (3 s here; `npm run test:partition` runs 30 s).
import { afterEach, describe, expect, it } from "vitest";
import type { AitbcClient } from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { startHarness, type Harness } from "./support/harness.js";
import { until } from "./support/poll.js";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy.js";

const PARTITION_MS = Number(process.env.AITBC_PARTITION_SECONDS ?? 3) * 1000;
const CONVERGE_MS = 10_000;

async function finalizedOf(c: AitbcClient) {
  const s = await c.node.getSyncStatus();
  return { height: s.finalized_height, hash: s.finalized_hash };
}

describe.each(testDatabaseKinds())("a partitioned validator of four (%s)", (kind) => {
  let h: Harness | undefined;
  const proxies: TcpProxy[] = [];
  afterEach(async () => {
    await Promise.all(proxies.splice(0).map((p) => p.close()));
    await h?.close();
    h = undefined;
  });

  it(
    `converges on the majority's finalized head within ${CONVERGE_MS / 1000} s of healing`,
    async () => {
      h = await startHarness(kind, { validators: 4, blockTimeMs: 150, run: 3 });
      // Node 4 reaches the others only through proxies, which the test can cut.
      for (let i = 0; i < 3; i++) proxies.push(await startTcpProxy(h.nodes[i]!.port));
      await h.start(3, { peers: proxies.map((p) => p.p2pUrl) });
      const clients = [0, 1, 2, 3].map((i) => h!.client(i));
      const [n1, , , n4] = clients;
      await until(
        async () => (await finalizedOf(n4!)).height > 2,
        "node 4 to finalize with the rest",
      );

      await Promise.all(proxies.map((p) => p.cut()));
      const cutAt = await finalizedOf(n1!);
      await new Promise((r) => setTimeout(r, PARTITION_MS));
      const majority = await finalizedOf(n1!);
      const lonely = await finalizedOf(n4!);
      // The majority kept finalizing; the isolated validator could not get past the cut.
      expect(majority.height).toBeGreaterThan(cutAt.height);
      expect(lonely.height).toBeLessThan(majority.height);
      expect((await n4!.node.getLatestBlock()).height).toBeGreaterThan(lonely.height);

      await Promise.all(proxies.map((p) => p.heal()));
      const healedAt = Date.now();
      const target = (await finalizedOf(n1!)).height;
      const agreed = await until(
        async () => {
          const all = await Promise.all(clients.map(finalizedOf));
          if (all.some((f) => f.height < target)) return undefined;
          const blocks = await Promise.all(
            clients.map((c) => c.node.getBlock({ path: { height: target } })),
          );
          return blocks.every((b) => b.hash === blocks[0]!.hash) ? blocks[0]! : undefined;
        },
        "all four to share the finalized head",
        CONVERGE_MS,
      );
      const tookMs = Date.now() - healedAt;
      expect(tookMs).toBeLessThan(CONVERGE_MS);
      const theirs = await n1!.node.getBlock({ path: { height: target } });
      expect(agreed.hash).toBe(theirs.hash);
      console.info(
        `partition ${PARTITION_MS / 1000} s (${kind}): all four share finalized block ${target} ` +
          `${tookMs} ms after healing (node 4 was finalized at ${lonely.height}, the majority at ${majority.height})`,
      );
    },
    PARTITION_MS + 60_000,
  );
});
