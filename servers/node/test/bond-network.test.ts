// Bonds on a three-validator network: a slash that would overdraw a provider's bond is refused by
// every node and nothing of it is applied anywhere; a valid one lands on all three, and the nodes
// agree on the state root that covers the bond and the verification pool.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bondLockTx,
  bondSlashTx,
  fromBase64Url,
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

describe.each(testDatabaseKinds())("bonds on a network (%s)", (kind) => {
  const [provider, customer] = createDevGenesis({ validators: 2 }).validators;
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

  const slashInput = (jobId: string, refundMicro: bigint, penaltyMicro: bigint) => ({
    provider: provider!.address,
    jobId,
    customer: customer!.address,
    refundMicro,
    penaltyMicro,
    reason: "spot_check_failed" as const,
  });

  beforeAll(async () => {
    h = await startHarness(kind, { validators: 3 });
    clients = [0, 1, 2].map((i) => h.client(i));
    await clients[0]!.node.requestFaucet({ body: { address: provider!.address, amount: 10 } });
    const lock = bondLockTx(await ctx(clients[0]!, provider!), toMicro(1));
    await clients[0]!.node.submitTransaction({ body: lock });
    await everywhere(lock);
  }, 60_000);
  afterAll(() => h?.close());

  it("refuses an overdrawing slash on every node and applies nothing of it", async () => {
    // 0.6 refund + 0.6 penalty > the 1 AITBC bond: each part alone would fit.
    const over = bondSlashTx(
      await ctx(clients[0]!, h.dev.settlement!),
      slashInput("over", 600_000n, 600_000n),
    );
    for (const c of clients) {
      const err = await failure(c.node.submitTransaction({ body: over }));
      expect(err.status).toBe(422);
      expect(err.problem.reason).toBe("bond_insufficient");
    }
    for (const c of clients) {
      expect((await c.node.getBond({ path: { address: provider!.address } })).amount_micro).toBe(
        "1000000",
      );
      expect(
        (await c.node.getAccount({ path: { address: customer!.address } })).balance_micro,
      ).toBe("0");
      expect((await c.node.getVerificationPool()).amount_micro).toBe("0");
    }
  });

  it("applies a valid slash on every node, and the nodes agree on the state root", async () => {
    const ok = bondSlashTx(
      await ctx(clients[1]!, h.dev.settlement!),
      slashInput("ok", 600_000n, 300_000n),
    );
    await clients[1]!.node.submitTransaction({ body: ok });
    await everywhere(ok);
    const height = (await clients[0]!.node.getTransaction({ body: { tx_hash: txHash(ok) } }))
      .block_height!;
    const views = await Promise.all(
      clients.map(async (c) => ({
        bond: (await c.node.getBond({ path: { address: provider!.address } })).amount_micro,
        pool: (await c.node.getVerificationPool()).amount_micro,
        customer: (await c.node.getAccount({ path: { address: customer!.address } })).balance_micro,
        block: await c.node.getBlock({ path: { height } }),
      })),
    );
    for (const v of views) {
      expect(v).toMatchObject({ bond: "100000", pool: "300000", customer: "600000" });
      expect(v.block.state_root).toBe(views[0]!.block.state_root);
      expect(v.block.hash).toBe(views[0]!.block.hash);
    }
    // The finalized view catches up with the head once enough validators built on the block.
    await until(async () => {
      const p = await clients[2]!.node.getVerificationPool();
      return p.finalized.height >= height && p.finalized.amount_micro === "300000";
    }, "the slash to be final");
    const b = await clients[2]!.node.getBond({ path: { address: provider!.address } });
    expect(b.finalized).toMatchObject({ amount_micro: "100000", status: "active" });
  });
});
