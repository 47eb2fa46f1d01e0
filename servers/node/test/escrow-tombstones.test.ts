// A released escrow shrinks to a tombstone in the state and the database: a node restarted on
// that database still agrees with its head's state root, still shows the whole settlement, and
// still refuses to lock the same job id again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromBase64Url, signTx, txHash, type AitbcClient, type SignedTx } from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { failure } from "@aitbc/server-lib/testing";
import { allocate, createDevGenesis } from "../src/index.js";
import { startHarness, type Harness } from "./support/harness.js";
import { until } from "./support/poll.js";

describe.each(testDatabaseKinds())("escrow tombstones (%s)", (kind) => {
  const [alice, bob] = createDevGenesis({ validators: 2 }).validators;
  let h: Harness;

  const sign = (secret: string, type: SignedTx["type"], payload: unknown, nonce: number) =>
    signTx(
      { type, chainId: h.dev.genesis.chain_id, nonce, payload } as never,
      fromBase64Url(secret),
    );

  async function confirm(node: AitbcClient, tx: SignedTx) {
    await node.node.submitTransaction({ body: tx });
    await until(async () => {
      const t = await node.node.getTransaction({ body: { tx_hash: txHash(tx) } });
      return t.status === "confirmed";
    }, `confirmation of ${tx.type}`);
  }

  beforeAll(async () => {
    h = await startHarness(kind, {
      validators: 1,
      blockTimeMs: 100,
      allocations: [allocate(alice!.address, 1)],
    });
  });
  afterAll(() => h?.close());

  it("survives a restart with the settlement intact and the job id spent", async () => {
    const settlement = h.dev.settlement!.secret_key;
    await confirm(
      h.client(0),
      sign(alice!.secret_key, "escrow_lock", { job_id: "job-t", amount: "50000" }, 0),
    );
    const release = sign(
      settlement,
      "escrow_release",
      { job_id: "job-t", paid: "20000", refund: "30000", provider: bob!.address },
      0,
    );
    await confirm(h.client(0), release);

    await h.stop(0);
    await h.start(0);
    const node = h.client(0);
    const escrow = await node.node.getEscrow({ path: { job_id: "job-t" } });
    expect(escrow).toMatchObject({
      status: "settled",
      owner: alice!.address,
      amount_micro: "50000",
      paid_micro: "20000",
      refund_micro: "30000",
      provider: bob!.address,
      release_tx_hash: txHash(release),
    });
    const again = await failure(
      node.node.submitTransaction({
        body: sign(alice!.secret_key, "escrow_lock", { job_id: "job-t", amount: "50000" }, 1),
      }),
    );
    expect(again.problem.reason).toBe("escrow_exists");
    const account = await node.node.getAccount({ path: { address: alice!.address } });
    expect(account.locked_micro).toBe("0");
    expect(account.balance_micro).toBe(String(1_000_000 - 50_000 + 30_000));
  });
});
