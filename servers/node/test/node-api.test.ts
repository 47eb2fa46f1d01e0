// The node's RPC as a user with curl, the wallet, the coordinator and the explorer use it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import {
  contentDigest,
  fromBase64Url,
  signTx,
  type AitbcClient,
  type P2pMessages,
  type SignedTx,
} from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { createDevGenesis } from "../src/index.js";
import { failure } from "@aitbc/server-lib/testing";
import { ADMIN_KEY, startHarness, type Harness } from "./support/harness.js";
import { until } from "./support/poll.js";

describe.each(testDatabaseKinds())("node API (%s)", (kind) => {
  let h: Harness;
  let node: AitbcClient;
  let url: string;
  const [alice, bob, carol] = createDevGenesis({ validators: 3 }).validators;

  const sign = (
    key: typeof alice,
    type: SignedTx["type"],
    payload: SignedTx["payload"],
    nonce: number,
  ) =>
    signTx(
      { type, chainId: h.dev.genesis.chain_id, nonce, payload } as never,
      fromBase64Url(key!.secret_key),
    );
  const account = (address: string) => node.node.getAccount({ path: { address } });
  const confirmed = (hash: string) =>
    until(async () => {
      const t = await node.node.getTransaction({ body: { tx_hash: hash } });
      return t.status === "confirmed" ? t : undefined;
    }, `confirmation of ${hash}`);

  beforeAll(async () => {
    h = await startHarness(kind, { validators: 1, blockTimeMs: 100 });
    node = h.client(0);
    url = h.nodes[0]!.url;
    await node.node.requestFaucet({ body: { address: alice!.address, amount: 1000 } });
  });
  afterAll(() => h?.close());

  it("answers a plain curl -d: transaction/get with a form-encoded JSON body", async () => {
    const funding = await node.node.listTransactions({
      query: { address: alice!.address, type: "faucet" },
    });
    const hash = funding.items[0]!.tx_hash;
    // Exactly what `curl -X POST …/api/v1/transaction/get -d '{"tx_hash": "0x…"}'` sends.
    const res = await fetch(`${url}/api/v1/transaction/get`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `{"tx_hash": "${hash}"}`,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      tx_hash: string;
      status: string;
      amount: number;
      to: string;
    };
    expect(body).toMatchObject({
      tx_hash: hash,
      status: "confirmed",
      amount: 1000,
      to: alice!.address,
    });

    const garbage = await fetch(`${url}/api/v1/transaction/get`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "tx_hash=0x12",
    });
    expect(garbage.status).toBe(400);
    expect(((await garbage.json()) as { code: string }).code).toBe("invalid_json");
    const unknown = await failure(
      node.node.getTransaction({ body: { tx_hash: "0x" + "0".repeat(64) } }),
    );
    expect(unknown.status).toBe(404);
  });

  it("takes several transactions of one signer in a row with pending_nonce", async () => {
    const start = await account(alice!.address);
    expect(start.pending_nonce).toBe(start.nonce);
    const hashes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const tx = sign(
        alice,
        "transfer",
        { to: bob!.address, amount: "1000000" },
        start.pending_nonce + i,
      );
      hashes.push((await node.node.submitTransaction({ body: tx })).tx_hash);
      expect((await account(alice!.address)).pending_nonce).toBe(start.pending_nonce + i + 1);
    }
    for (const hsh of hashes) await confirmed(hsh);
    const after = await account(alice!.address);
    expect(after.nonce).toBe(start.nonce + 3);
    expect(BigInt(after.balance_micro)).toBe(BigInt(start.balance_micro) - 3_000_000n);
    expect((await account(bob!.address)).balance).toBe(3);
  });

  it("locks, settles and refunds escrows with the genesis settlement key", async () => {
    const settlement = h.dev.settlement!;
    const receipt = contentDigest("a receipt");
    let n = (await account(alice!.address)).pending_nonce;
    const lockA = sign(alice, "escrow_lock", { job_id: "job-a", amount: "250000000" }, n++);
    const lockB = sign(alice, "escrow_lock", { job_id: "job-b", amount: "40000000" }, n);
    await node.node.submitTransaction({ body: lockA });
    const lockedB = await node.node.submitTransaction({ body: lockB });
    await confirmed(lockedB.tx_hash);
    const locked = await account(alice!.address);
    expect(locked.locked).toBe(290);
    expect(await node.node.getEscrow({ path: { job_id: "job-a" } })).toMatchObject({
      status: "locked",
      owner: alice!.address,
      amount: 250,
      paid: null,
    });

    let s = (await account(settlement.address)).pending_nonce;
    const settle = sign(
      { ...settlement, name: "settlement" },
      "escrow_release",
      {
        job_id: "job-a",
        paid: "2500000",
        refund: "247500000",
        provider: carol!.address,
        receipt_hash: receipt,
      },
      s++,
    );
    const refund = sign(
      { ...settlement, name: "settlement" },
      "escrow_release",
      { job_id: "job-b", paid: "0", refund: "40000000" },
      s,
    );
    const settled = await node.node.submitTransaction({ body: settle });
    await confirmed((await node.node.submitTransaction({ body: refund })).tx_hash);
    const escrowA = await node.node.getEscrow({ path: { job_id: "job-a" } });
    expect(escrowA).toMatchObject({
      status: "settled",
      paid: 2.5,
      refund: 247.5,
      provider: carol!.address,
      receipt_hash: receipt,
      release_tx_hash: settled.tx_hash,
    });
    expect((await node.node.getEscrow({ path: { job_id: "job-b" } })).status).toBe("refunded");
    expect((await account(carol!.address)).balance).toBe(2.5);
    const after = await account(alice!.address);
    expect(after.locked).toBe(0);
    expect(BigInt(after.balance_micro)).toBe(
      BigInt(locked.balance_micro) + 247_500_000n + 40_000_000n,
    );

    // The history finds the release for the provider (`to`) and for the refunded owner.
    const forJob = await node.node.listTransactions({ query: { job_id: "job-a" } });
    expect(forJob.items.map((t) => t.type)).toEqual(["escrow_release", "escrow_lock"]);
    expect(forJob.items[0]).toMatchObject({
      to: carol!.address,
      refund_to: alice!.address,
      amount: 250,
    });
    const carols = await node.node.listTransactions({ query: { address: carol!.address } });
    expect(carols.items.map((t) => t.tx_hash)).toEqual([settled.tx_hash]);
    const alicesReleases = await node.node.listTransactions({
      query: { address: alice!.address, type: "escrow_release" },
    });
    expect(alicesReleases.items).toHaveLength(2);
    expect((await failure(node.node.getEscrow({ path: { job_id: "never-locked" } }))).status).toBe(
      404,
    );
  });

  it("pages blocks and transactions newest first, with working cursors", async () => {
    const first = await node.node.listBlocks({ query: { limit: 3 } });
    expect(first.items).toHaveLength(3);
    const heights = first.items.map((b) => b.height);
    expect(heights).toEqual([...heights].sort((a, b) => b - a));
    const second = await node.node.listBlocks({
      query: { limit: 3, cursor: first.page.next_cursor! },
    });
    expect(second.items[0]!.height).toBe(heights[2]! - 1);
    const latest = await node.node.getLatestBlock();
    expect(latest.height).toBeGreaterThanOrEqual(heights[0]!);
    const genesis = await node.node.getBlock({ path: { height: 0 } });
    expect(genesis).toMatchObject({ height: 0, hash: h.nodes[0]!.genesisHash, proposer: null });
    const one = await node.node.getBlock({ path: { height: 1 } });
    expect(one.prev_hash).toBe(genesis.hash);

    const txs = await node.node.listTransactions({ query: { limit: 2 } });
    const more = await node.node.listTransactions({
      query: { limit: 2, cursor: txs.page.next_cursor! },
    });
    const all = await node.node.listTransactions({ query: { limit: 4 } });
    expect([...txs.items, ...more.items].map((t) => t.tx_hash)).toEqual(
      all.items.map((t) => t.tx_hash),
    );
    const bad = await failure(node.node.listBlocks({ query: { cursor: "nonsense" } }));
    expect(bad.code).toBe("validation_failed");
  });

  it("retries with the same Idempotency-Key get the first answer", async () => {
    const tx = sign(
      alice,
      "transfer",
      { to: bob!.address, amount: "1" },
      (await account(alice!.address)).pending_nonce,
    );
    const send = () =>
      fetch(`${url}/api/v1/transaction/submit`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": "submit-once" },
        body: JSON.stringify(tx),
      });
    const first = await send();
    expect(first.status).toBe(202);
    const body = await first.json();
    await confirmed((body as { tx_hash: string }).tx_hash);
    const retry = await send();
    expect(retry.status).toBe(202);
    expect(await retry.json()).toEqual(body);
  });

  it("funds addresses from the faucet only with the admin key and a valid amount", async () => {
    const anonymous = node.withApiKey(undefined);
    expect(
      (await failure(anonymous.node.requestFaucet({ body: { address: bob!.address, amount: 1 } })))
        .code,
    ).toBe("unauthorized");
    const wrong = node.withApiKey("not-the-admin");
    expect(
      (await failure(wrong.node.requestFaucet({ body: { address: bob!.address, amount: 1 } })))
        .status,
    ).toBe(401);
    const tooPrecise = await failure(
      node.node.requestFaucet({ body: { address: bob!.address, amount: 0.0000001 } }),
    );
    expect(tooPrecise.code).toBe("validation_failed");
    const before = await account(bob!.address);
    const funded = await node.node.requestFaucet({ body: { address: bob!.address, amount: 12.5 } });
    expect(funded).toMatchObject({ status: "confirmed", amount: 12.5, amount_micro: "12500000" });
    expect(BigInt((await account(bob!.address)).balance_micro) - BigInt(before.balance_micro)).toBe(
      12_500_000n,
    );
    expect(ADMIN_KEY).toBeTruthy();
  });

  it("streams new heads and an address's transactions on /api/v1/ws", async () => {
    const ws = new WebSocket(`${h.nodes[0]!.wsUrl}?topics=heads,txs&address=${bob!.address}`);
    const events: Array<P2pMessages.NewHeadEvent | P2pMessages.NewTransactionEvent> = [];
    ws.on("message", (d) => events.push(JSON.parse(d.toString())));
    await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
    const other = sign(
      alice,
      "transfer",
      { to: carol!.address, amount: "1" },
      (await account(alice!.address)).pending_nonce,
    );
    await node.node.submitTransaction({ body: other });
    const tx = sign(
      alice,
      "transfer",
      { to: bob!.address, amount: "7" },
      (await account(alice!.address)).pending_nonce,
    );
    const { tx_hash } = await node.node.submitTransaction({ body: tx });
    await until(
      () =>
        events.some((e) => e.type === "tx" && e.tx_hash === tx_hash && e.status === "confirmed"),
      "the confirmed tx event",
    );
    const mine = events.filter((e): e is P2pMessages.NewTransactionEvent => e.type === "tx");
    expect(mine.map((e) => e.status)).toEqual(["pending", "confirmed"]);
    expect(mine.every((e) => e.tx_hash === tx_hash)).toBe(true);
    const heads = events.filter((e): e is P2pMessages.NewHeadEvent => e.type === "head");
    expect(heads.length).toBeGreaterThan(0);
    expect(heads.some((e) => e.tx_hashes.includes(tx_hash))).toBe(true);
    ws.close();

    const refused = new WebSocket(`${h.nodes[0]!.wsUrl}?topics=gossip`);
    const status = await new Promise<number>((resolve) =>
      refused
        .once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0))
        .once("error", () => resolve(-1)),
    );
    expect(status).toBe(400);
  });

  it("reports chain parameters, health and sync status", async () => {
    const chain = await node.node.getChain();
    expect(chain).toMatchObject({
      chain_id: h.dev.genesis.chain_id,
      dev: true,
      block_time_ms: 100,
      round_timeout_ms: 300,
    });
    expect(chain.validators[0]!.address).toBe(h.dev.validators[0]!.address);
    expect(await node.node.getHealth()).toMatchObject({ status: "ok", service: "node" });
    const sync = await node.node.getSyncStatus();
    expect(sync.validator?.name).toBe("validator-1");
    expect(sync.syncing).toBe(false);
    // One validator is the whole quorum: every block is final as soon as it is made.
    expect(sync.finalized_height).toBeGreaterThan(0);
    expect(sync.finalized_height).toBeLessThanOrEqual(sync.height);
    const at = await node.node.getBlock({ path: { height: sync.finalized_height } });
    expect(sync.finalized_hash).toBe(at.hash);
  });

  it("says when a confirmed transaction is final", async () => {
    const { pending_nonce } = await account(alice!.address);
    const tx = sign(alice, "transfer", { to: carol!.address, amount: "1000" }, pending_nonce);
    const { tx_hash } = await node.node.submitTransaction({ body: tx });
    // A block may already have taken it (one validator finalizes at once); a pending one is not final.
    const first = await node.node.getTransaction({ body: { tx_hash } });
    if (first.status === "pending") expect(first.finalized).toBe(false);
    const done = await until(async () => {
      const t = await node.node.getTransaction({ body: { tx_hash } });
      return t.finalized ? t : undefined;
    }, "finality");
    expect(done.status).toBe("confirmed");
    expect((await node.node.getSyncStatus()).finalized_height).toBeGreaterThanOrEqual(
      done.block_height!,
    );
    const listed = await node.node.listTransactions({ query: { address: carol!.address } });
    expect(listed.items.find((t) => t.tx_hash === tx_hash)?.finalized).toBe(true);
  });

  it("lists equivocation evidence, and rejects a bad cursor", async () => {
    const page = await node.node.listEquivocations();
    expect(page).toEqual({ items: [], page: { limit: 20, next_cursor: null } });
    const bad = await failure(node.node.listEquivocations({ query: { cursor: "nope" } }));
    expect(bad.status).toBe(400);
  });
});
