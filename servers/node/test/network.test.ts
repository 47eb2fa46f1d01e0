// Three validators on loopback: transactions and blocks propagate, a missing proposer does not
// stop the chain, a restarted node catches up, and a partitioned validator converges after healing.
import { afterEach, describe, expect, it } from "vitest";
import { fromBase64Url, signTx, type AitbcClient } from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { createDevGenesis } from "../src/index.js";
import { startHarness, type Harness } from "./support/harness.js";
import { until } from "./support/poll.js";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy.js";

const [alice, bob] = createDevGenesis({ validators: 2 }).validators;

/** The block hash and state root every listed node has at `height`, once they agree. */
async function agreeAt(clients: AitbcClient[], height: number, what: string) {
  return until(async () => {
    const blocks = await Promise.all(clients.map((c) => c.node.getBlock({ path: { height } })));
    const first = blocks[0]!;
    return blocks.every((b) => b.hash === first.hash && b.state_root === first.state_root)
      ? first
      : undefined;
  }, what);
}

async function heightOf(c: AitbcClient) {
  return (await c.node.getLatestBlock()).height;
}

describe.each(testDatabaseKinds())("a 3-validator network (%s)", (kind) => {
  let h: Harness | undefined;
  const proxies: TcpProxy[] = [];
  afterEach(async () => {
    await Promise.all(proxies.splice(0).map((p) => p.close()));
    await h?.close();
    h = undefined;
  });

  const transfer = async (via: AitbcClient, amount: string) => {
    const { pending_nonce } = await via.node.getAccount({ path: { address: alice!.address } });
    return signTx(
      {
        type: "transfer",
        chainId: h!.dev.genesis.chain_id,
        nonce: pending_nonce,
        payload: { to: bob!.address, amount },
      },
      fromBase64Url(alice!.secret_key),
    );
  };

  it("propagates transactions and blocks from node 1 to node 3", async () => {
    h = await startHarness(kind, { validators: 3, blockTimeMs: 150 });
    const [n1, n2, n3] = [h.client(0), h.client(1), h.client(2)];
    await n1.node.requestFaucet({ body: { address: alice!.address, amount: 50 } });

    const tx = await transfer(n1, "1250000");
    const { tx_hash } = await n1.node.submitTransaction({ body: tx });
    const seen = await until(
      () => n3.node.getTransaction({ body: { tx_hash } }),
      "the tx on node 3",
    );
    expect(["pending", "confirmed"]).toContain(seen.status);
    const onAll = await until(async () => {
      const views = await Promise.all(
        [n1, n2, n3].map((c) => c.node.getTransaction({ body: { tx_hash } })),
      );
      return views.every((v) => v.status === "confirmed" && v.block_hash === views[0]!.block_hash)
        ? views[0]
        : undefined;
    }, "the tx confirmed in the same block everywhere");
    expect((await n3.node.getAccount({ path: { address: bob!.address } })).balance_micro).toBe(
      "1250000",
    );

    // Blocks: every node has the same chain, proposed by all three validators in turn.
    const top = onAll!.block_height! + 3;
    await until(async () => (await heightOf(n3)) >= top, "node 3 to pass the tx's block");
    await agreeAt([n1, n2, n3], top, "the same block at the top height");
    const names = new Set<string>();
    for (let height = 1; height <= top; height++) {
      const b = await n3.node.getBlock({ path: { height } });
      names.add(b.proposer_name!);
      expect(b.proposer_name).toBe(h.dev.validators[(height + b.round) % 3]!.name);
    }
    expect(names.size).toBe(3);
  });

  it("keeps going without a validator, and the restarted validator catches up", async () => {
    h = await startHarness(kind, { validators: 3, blockTimeMs: 150 });
    const [n1, n2] = [h.client(0), h.client(1)];
    await until(async () => (await heightOf(h!.client(2))) >= 3, "node 3 to follow");
    await h.stop(2);
    const stoppedAt = await heightOf(n1);

    await n1.node.requestFaucet({ body: { address: alice!.address, amount: 20 } });
    const { tx_hash } = await n2.node.submitTransaction({ body: await transfer(n2, "3000000") });
    await until(
      async () => (await n1.node.getTransaction({ body: { tx_hash } })).status === "confirmed",
      "the tx",
    );
    await until(
      async () => (await heightOf(n1)) >= stoppedAt + 6,
      "the chain to move on without node 3",
    );
    // Node 3's slots were filled by the next validator in line (round 1).
    const rounds = [];
    for (let height = stoppedAt + 1; height <= stoppedAt + 6; height++)
      rounds.push((await n1.node.getBlock({ path: { height } })).round);
    expect(rounds.some((r) => r > 0)).toBe(true);

    await h.start(2);
    const n3 = h.client(2);
    const target = (await heightOf(n1)) + 1;
    await until(async () => (await heightOf(n3)) >= target, "node 3 to catch up");
    await agreeAt([n1, n2, n3], target, "the same head hash and state root");
    expect((await n3.node.getTransaction({ body: { tx_hash } })).status).toBe("confirmed");
    expect((await n3.node.getAccount({ path: { address: bob!.address } })).balance_micro).toBe(
      "3000000",
    );
  });

  it("a partitioned validator follows the heavier chain after healing", async () => {
    h = await startHarness(kind, { validators: 3, blockTimeMs: 150, run: 2 });
    const [n1, n2] = [h.client(0), h.client(1)];
    await n1.node.requestFaucet({ body: { address: alice!.address, amount: 20 } });
    // Node 3 reaches the others only through proxies, which the test can cut.
    proxies.push(await startTcpProxy(h.nodes[0]!.port), await startTcpProxy(h.nodes[1]!.port));
    await h.start(2, { peers: proxies.map((p) => p.p2pUrl) });
    const n3 = h.client(2);
    await until(
      async () => (await heightOf(n3)) >= (await heightOf(n1)) && (await heightOf(n3)) > 2,
      "node 3 to sync",
    );

    await Promise.all(proxies.map((p) => p.cut()));
    const cutAt = await heightOf(n3);
    // Alone, node 3 keeps proposing on its own branch (in its own slots and as last fallback)…
    const lonely = await n3.node.submitTransaction({ body: await transfer(n3, "4000000") });
    await until(
      async () =>
        (await n3.node.getTransaction({ body: { tx_hash: lonely.tx_hash } })).status ===
        "confirmed",
      "node 3's own block",
    );
    const forkHeight = (await n3.node.getTransaction({ body: { tx_hash: lonely.tx_hash } }))
      .block_height!;
    // …while the other two move ahead.
    await until(
      async () => (await heightOf(n1)) >= Math.max(cutAt, forkHeight) + 5,
      "the majority to move on",
    );
    const theirs = await n1.node.getBlock({ path: { height: forkHeight } });
    const mine = await n3.node.getBlock({ path: { height: forkHeight } });
    expect(mine.hash).not.toBe(theirs.hash);

    await Promise.all(proxies.map((p) => p.heal()));
    const target = (await heightOf(n1)) + 1;
    await until(async () => (await heightOf(n3)) >= target, "node 3 to rejoin", 30_000);
    await agreeAt([n1, n2, n3], forkHeight, "the majority's block at the fork height");
    await agreeAt([n1, n2, n3], target, "the same head");
    // The transaction of the abandoned branch went back to the mempool and made it onto the chain.
    const final = await until(async () => {
      const v = await n1.node.getTransaction({ body: { tx_hash: lonely.tx_hash } });
      return v.status === "confirmed" ? v : undefined;
    }, "node 3's orphaned tx to be confirmed by the majority");
    expect((await n3.node.getTransaction({ body: { tx_hash: lonely.tx_hash } })).block_hash).toBe(
      final.block_hash,
    );
  });
});
