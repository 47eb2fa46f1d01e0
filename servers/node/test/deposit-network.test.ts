// Deposits on a three-validator network: a settlement batch that would overdraw a deposit is
// refused by every node and nothing of it is applied anywhere; a valid one lands on all three, and
// the nodes agree on the state root that covers the deposits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contentDigest,
  depositLockTx,
  fromBase64Url,
  merkleRoot,
  settlementBatchTx,
  toMicro,
  txHash,
  type AitbcClient,
  type SignedTx,
} from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { failure } from "@aitbc/server-lib/testing";
import { createDevGenesis } from "../src/index.js";
import { startHarness, type Harness } from "./support/harness.js";
import { until } from "./support/poll.js";

describe.each(testDatabaseKinds())("deposits on a network (%s)", (kind) => {
  const [alice, bob] = createDevGenesis({ validators: 2 }).validators;
  let h: Harness;
  let clients: AitbcClient[];

  async function ctx(node: AitbcClient, key: { address: string; secret_key: string }) {
    const { pending_nonce } = await node.node.getAccount({ path: { address: key.address } });
    return {
      chainId: h.dev.genesis.chain_id,
      nonce: pending_nonce,
      secretKey: fromBase64Url(key.secret_key),
    };
  }

  /** Waits until every node has `tx` in a block. */
  async function everywhere(tx: SignedTx) {
    for (const c of clients)
      await until(async () => {
        const t = await c.node.getTransaction({ body: { tx_hash: txHash(tx) } });
        return t.status === "confirmed" ? t : undefined;
      }, `${tx.type} on every node`);
  }

  beforeAll(async () => {
    h = await startHarness(kind, { validators: 3 });
    clients = [0, 1, 2].map((i) => h.client(i));
    await clients[0]!.node.requestFaucet({ body: { address: alice!.address, amount: 10 } });
    const lock = depositLockTx(await ctx(clients[0]!, alice!), toMicro(1));
    await clients[0]!.node.submitTransaction({ body: lock });
    await everywhere(lock);
  }, 60_000);
  afterAll(() => h?.close());

  const batchInput = (batchId: string, paid: bigint[]) => ({
    batchId,
    receiptsRoot: merkleRoot(paid.map((_, i) => contentDigest(`${batchId}/${i}`))),
    items: paid.map((paidMicro, i) => ({
      depositOwner: alice!.address,
      provider: bob!.address,
      paidMicro,
      jobId: `${batchId}-job-${i}`,
    })),
  });

  it("refuses an overdrawing batch on every node and applies nothing of it", async () => {
    const settlement = h.dev.settlement!;
    // 0.6 + 0.6 > the 1 AITBC deposit: each item alone would fit.
    const over = settlementBatchTx(
      await ctx(clients[0]!, settlement),
      batchInput("over", [600_000n, 600_000n]),
    );
    for (const c of clients) {
      const err = await failure(c.node.submitTransaction({ body: over }));
      expect(err.status).toBe(422);
      expect(err.problem.reason).toBe("deposit_insufficient");
    }
    for (const c of clients) {
      expect((await c.node.getDeposit({ path: { address: alice!.address } })).amount_micro).toBe(
        "1000000",
      );
      expect((await c.node.getAccount({ path: { address: bob!.address } })).balance_micro).toBe(
        "0",
      );
      expect((await failure(c.node.getSettlement({ path: { batch_id: "over" } }))).status).toBe(
        404,
      );
    }
  });

  it("applies a valid batch on every node, and the nodes agree on the state root", async () => {
    const ok = settlementBatchTx(
      await ctx(clients[1]!, h.dev.settlement!),
      batchInput("ok", [600_000n, 300_000n]),
    );
    await clients[1]!.node.submitTransaction({ body: ok });
    await everywhere(ok);
    const height = (await clients[0]!.node.getSettlement({ path: { batch_id: "ok" } }))
      .block_height;
    const views = await Promise.all(
      clients.map(async (c) => ({
        deposit: (await c.node.getDeposit({ path: { address: alice!.address } })).amount_micro,
        settlement: await c.node.getSettlement({ path: { batch_id: "ok" } }),
        block: await c.node.getBlock({ path: { height } }),
      })),
    );
    for (const v of views) {
      expect(v.deposit).toBe("100000");
      expect(v.settlement).toMatchObject({ items: 2, paid_micro: "900000", block_height: height });
      expect(v.block.state_root).toBe(views[0]!.block.state_root);
      expect(v.block.hash).toBe(views[0]!.block.hash);
    }
    // The finalized view catches up with the head once enough validators built on the block.
    await until(async () => {
      const d = await clients[2]!.node.getDeposit({ path: { address: alice!.address } });
      return d.finalized.height >= height && d.finalized.amount_micro === "100000";
    }, "the settlement to be final");
  });
});
