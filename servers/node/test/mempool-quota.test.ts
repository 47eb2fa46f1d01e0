// Free spam: without a per-sender quota one funded account fills every node's mempool, and without
// a minimum escrow one AITBC pays for a million one-micro escrow locks that the state keeps forever.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromBase64Url, signTx, type AitbcClient, type SignedTx } from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { failure } from "@aitbc/server-lib/testing";
import { allocate, createDevGenesis } from "../src/index.js";
import { startHarness, type Harness } from "./support/harness.js";

describe.each(testDatabaseKinds())("mempool quota and minimum escrow (%s)", (kind) => {
  const [mallory, alice] = createDevGenesis({ validators: 2 }).validators;
  let h: Harness;
  let node: AitbcClient;

  const lock = (secret: string, nonce: number, jobId: string, amount: string): SignedTx =>
    signTx(
      {
        type: "escrow_lock",
        chainId: h.dev.genesis.chain_id,
        nonce,
        payload: { job_id: jobId, amount },
      },
      fromBase64Url(secret),
    );

  beforeAll(async () => {
    // Blocks an hour apart: everything submitted here stays pending for the whole test.
    h = await startHarness(kind, {
      validators: 1,
      blockTimeMs: 3_600_000,
      allocations: [allocate(mallory!.address, 2), allocate(alice!.address, 1)],
    });
    node = h.client(0);
  });
  afterAll(() => h?.close());

  it("refuses a sender's 129th pending transaction with 429 too_many_pending, not others'", async () => {
    for (let nonce = 0; nonce < 128; nonce++)
      await node.node.submitTransaction({
        body: lock(mallory!.secret_key, nonce, `spam-${nonce}`, "10000"),
      });
    const err = await failure(
      node.node.submitTransaction({ body: lock(mallory!.secret_key, 128, "spam-128", "10000") }),
    );
    expect(err.status).toBe(429);
    expect(err.code).toBe("too_many_pending");
    expect(err.problem.retry_after_s).toBeGreaterThan(0);
    const account = await node.node.getAccount({ path: { address: mallory!.address } });
    expect(account.pending_nonce).toBe(128);
    // Another sender is not held back by Mallory's backlog.
    const ok = await node.node.submitTransaction({
      body: lock(alice!.secret_key, 0, "alice-job", "10000"),
    });
    expect(ok.status).toBe("pending");
  });

  it("refuses an escrow_lock below the chain's minimum with escrow_below_minimum", async () => {
    const err = await failure(
      node.node.submitTransaction({ body: lock(alice!.secret_key, 1, "dust-job", "9999") }),
    );
    expect(err.status).toBe(422);
    expect(err.code).toBe("tx_rejected");
    expect(err.problem.reason).toBe("escrow_below_minimum");
    const account = await node.node.getAccount({ path: { address: alice!.address } });
    expect(account.pending_nonce).toBe(1);
    const info = await node.node.getChain();
    expect(info.min_escrow_micro).toBe("10000");
  });
});
