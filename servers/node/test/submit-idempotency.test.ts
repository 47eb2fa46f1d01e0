// Idempotency-Key poisoning: submission keys were global, so a sender who guessed (or saw) the key
// another sender's client would use could claim it first and make that client's submission fail
// with 409, or be answered with someone else's transaction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromBase64Url, signTx, txHash, type SignedTx } from "@aitbc/sdk";
import { allocate, createDevGenesis } from "../src/index.js";
import { startHarness, type Harness } from "./support/harness.js";

describe("transaction submission Idempotency-Key", () => {
  const [mallory, alice, bob] = createDevGenesis({ validators: 3 }).validators;
  let h: Harness;

  const transfer = (from: typeof alice, nonce: number, amount: string): SignedTx =>
    signTx(
      {
        type: "transfer",
        chainId: h.dev.genesis.chain_id,
        nonce,
        payload: { to: bob!.address, amount },
      },
      fromBase64Url(from!.secret_key),
    );

  async function submit(tx: SignedTx, key: string) {
    const res = await fetch(`${h.nodes[0]!.url}/api/v1/transaction/submit`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify(tx),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  beforeAll(async () => {
    h = await startHarness("sqlite", {
      validators: 1,
      blockTimeMs: 3_600_000,
      allocations: [allocate(mallory!.address, 1), allocate(alice!.address, 1)],
    });
  });
  afterAll(() => h?.close());

  it("keeps one sender's key from poisoning or answering another sender's submission", async () => {
    const first = await submit(transfer(mallory, 0, "1"), "job-42-lock");
    expect(first.status).toBe(202);
    const mine = transfer(alice, 0, "2");
    const res = await submit(mine, "job-42-lock");
    expect(res.status).toBe(202);
    expect(res.body.tx_hash).toBe(txHash(mine));
    const pending = await h.client(0).node.getTransaction({ body: { tx_hash: txHash(mine) } });
    expect(pending.status).toBe("pending");
  });

  it("still refuses the same sender's key with another transaction (409)", async () => {
    const again = await submit(transfer(alice, 1, "3"), "job-42-lock");
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("idempotency_key_reused");
  });
});
