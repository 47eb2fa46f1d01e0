// What a flaky network between the wallet and its node must never do: pay a transfer twice, or
// leave a recorded transfer hanging. A proxy in front of a real node drops the node's answers (the
// node did the work) or cuts requests before they arrive.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { failure, pollUntil } from "@aitbc/server-lib/testing";
import type { IncomingMessage } from "node:http";
import { startFaultyProxy, type FaultyProxy } from "./support/faulty-proxy.js";
import {
  startWalletHarness,
  type TestAccount,
  type WalletHarness,
} from "./support/wallet-harness.js";

const submitOrLookup = (req: IncomingMessage) =>
  req.url === "/api/v1/transaction/submit" || req.url === "/api/v1/transaction/get";

describe.each(testDatabaseKinds())("transfers over a lossy link to the node (%s)", (kind) => {
  let h: WalletHarness;
  let proxy: FaultyProxy;
  beforeAll(async () => {
    h = await startWalletHarness(kind, { reconcileIntervalMs: 300 });
    proxy = await startFaultyProxy(h.chain.url);
    await h.restartWallet({ nodeUrl: proxy.url });
  });
  afterAll(async () => {
    await h?.close();
    await proxy?.close();
  });

  async function onChain(a: TestAccount) {
    const acct = await a.client.node.getAccount({ path: { address: a.address } });
    return { balance: BigInt(acct.balance_micro), nonce: acct.nonce, pending: acct.pending_nonce };
  }

  it("pays once when the submit answer and the lookup are both lost and the caller retries", async () => {
    const alice = await h.account("lossy-alice", "customer", 50);
    const bob = await h.account("lossy-bob", "customer");
    const headers = { "Idempotency-Key": "lossy-transfer-1" };
    const body = { to: bob.address, amount: 20 };

    proxy.loseAnswers(submitOrLookup);
    const lostAt = proxy.lost;
    const err = await failure(alice.client.wallet.createTransfer({ body, headers }));
    proxy.loseAnswers(undefined);
    expect(err.status).toBe(503);
    expect(proxy.lost).toBeGreaterThan(lostAt);
    // The node took the first signature although nobody heard it say so.
    await pollUntil(async () => (await onChain(bob)).balance === 20_000_000n, "the first tx");

    const retry = await alice.client.wallet.createTransfer({ body, headers });
    expect(retry).toMatchObject({ status: "confirmed", nonce: 0, amount_micro: "20000000" });
    // Give a second signature, had there been one, the time to land.
    await pollUntil(
      async () => (await onChain(alice)).pending === (await onChain(alice)).nonce,
      "an empty mempool",
    );
    await new Promise((r) => setTimeout(r, 600));
    expect(await onChain(bob)).toMatchObject({ balance: 20_000_000n });
    expect(await onChain(alice)).toMatchObject({ balance: 30_000_000n, nonce: 1, pending: 1 });
    const again = await alice.client.wallet.createTransfer({ body, headers });
    expect(again.tx_hash).toBe(retry.tx_hash);
  });

  it("pays once when a caller retries while the first attempt's answers are still being lost", async () => {
    const carol = await h.account("lossy-carol", "customer", 50);
    const dave = await h.account("lossy-dave", "customer");
    const headers = { "Idempotency-Key": "lossy-transfer-2" };
    const body = { to: dave.address, amount: 7 };
    proxy.loseAnswers(submitOrLookup);
    const attempts = await Promise.allSettled(
      [0, 1, 2].map(() => carol.client.wallet.createTransfer({ body, headers })),
    );
    proxy.loseAnswers(undefined);
    expect(attempts.every((a) => a.status === "rejected")).toBe(true);
    const retry = await carol.client.wallet.createTransfer({ body, headers });
    expect(retry.status).toBe("confirmed");
    await new Promise((r) => setTimeout(r, 600));
    expect(await onChain(dave)).toMatchObject({ balance: 7_000_000n });
    expect(await onChain(carol)).toMatchObject({ balance: 43_000_000n, nonce: 1, pending: 1 });
  });

  it("completes a recorded transfer the node never received, without a retry, and only once", async () => {
    const erin = await h.account("lossy-erin", "customer", 50);
    const fred = await h.account("lossy-fred", "customer");
    const headers = { "Idempotency-Key": "lossy-transfer-3" };
    const body = { to: fred.address, amount: 12 };
    proxy.cutRequests(submitOrLookup);
    const err = await failure(erin.client.wallet.createTransfer({ body, headers }));
    proxy.cutRequests(undefined);
    expect(err.status).toBe(503);
    expect(await onChain(fred)).toMatchObject({ balance: 0n });

    // Nobody retries: the wallet's own reconciler submits the recorded signature.
    await pollUntil(async () => (await onChain(fred)).balance === 12_000_000n, "the recorded tx");
    const retry = await erin.client.wallet.createTransfer({ body, headers });
    expect(retry).toMatchObject({ status: "confirmed", nonce: 0 });
    await new Promise((r) => setTimeout(r, 600));
    expect(await onChain(fred)).toMatchObject({ balance: 12_000_000n });
    expect(await onChain(erin)).toMatchObject({ balance: 38_000_000n, nonce: 1 });
  });

  it("completes a recorded transfer after the wallet restarts", async () => {
    const gus = await h.account("lossy-gus", "customer", 50);
    const hal = await h.account("lossy-hal", "customer");
    proxy.cutRequests(submitOrLookup);
    const err = await failure(
      gus.client.wallet.createTransfer({
        body: { to: hal.address, amount: 3 },
        headers: { "Idempotency-Key": "lossy-transfer-4" },
      }),
    );
    expect(err.status).toBe(503);
    await h.restartWallet();
    proxy.cutRequests(undefined);
    await pollUntil(async () => (await onChain(hal)).balance === 3_000_000n, "the recorded tx");
    await new Promise((r) => setTimeout(r, 600));
    expect(await onChain(gus)).toMatchObject({ balance: 47_000_000n, nonce: 1 });
  });
});
