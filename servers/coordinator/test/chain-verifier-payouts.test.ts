// Verification re-runs paid from the pool on a real in-process chain: a settlement's pool fee
// funds the pool, the payout reaches the provider in a block, and the chain's refusals (the same
// re-run paid twice, a pool that holds too little) reach the caller as ChainRejected with nothing
// paid. Payouts signed at the same time as each other still land, one nonce after the other.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addressFromPublicKey,
  createAitbcClient,
  escrowReleaseTx,
  generateKeyPair,
  signTx,
  txHash,
  type AitbcClient,
} from "@aitbc/sdk";
import { ChainRejected, InclusionWatcher, nodeChainClient } from "@aitbc/server-lib";
import { startDevChain, type DevChain } from "@aitbc/node";
import { ChainVerifierPayouts } from "../src/domain/settlement/chain-verifier-payouts.js";
import { settlementKey, type SettlementKey } from "../src/domain/settlement/settlement-key.js";
import { eventually } from "./support/harness.js";

describe("verifier payouts from the pool on the real chain", () => {
  const adminApiKey = "admin_" + randomBytes(16).toString("hex");
  let chain: DevChain;
  let node: AitbcClient;
  let key: SettlementKey;
  let payouts: ChainVerifierPayouts;
  const customer = generateKeyPair();
  const verifier = addressFromPublicKey(generateKeyPair().publicKey);
  const balance = async (address: string) =>
    BigInt((await node.node.getAccount({ path: { address } })).balance_micro);
  const pool = async () => BigInt((await node.node.getVerificationPool()).amount_micro);

  beforeAll(async () => {
    chain = await startDevChain({ validators: 1, adminApiKey, logLevel: "silent" });
    const first = chain.nodes[0]!;
    node = createAitbcClient({ nodeUrl: first.url, apiKey: adminApiKey });
    key = settlementKey(chain.settlement!.secret_key, first.chainId);
    const client = nodeChainClient(first.url);
    payouts = new ChainVerifierPayouts(client, new InclusionWatcher(client, { pollMs: 50 }), key);

    // A settled job's pool fee funds the pool: 1 AITBC paid, 0.2 of it to the pool.
    const customerAddress = addressFromPublicKey(customer.publicKey);
    await node.node.requestFaucet({ body: { address: customerAddress, amount: 10 } });
    await eventually(async () => (await balance(customerAddress)) > 0n, "the faucet");
    const lock = signTx(
      {
        type: "escrow_lock",
        chainId: key.chainId,
        nonce: 0,
        payload: { job_id: "paid-job", amount: "2000000" },
      },
      customer.secretKey,
    );
    await node.node.submitTransaction({ body: lock });
    await eventually(
      async () =>
        (await node.node.getTransaction({ body: { tx_hash: txHash(lock) } })).status ===
        "confirmed",
      "the escrow lock",
    );
    const { pending_nonce } = await node.node.getAccount({ path: { address: key.address } });
    await node.node.submitTransaction({
      body: escrowReleaseTx(
        { chainId: key.chainId, nonce: pending_nonce, secretKey: key.secretKey },
        {
          jobId: "paid-job",
          paidMicro: 1_000_000n,
          refundMicro: 1_000_000n,
          provider: addressFromPublicKey(generateKeyPair().publicKey),
          poolFeeMicro: 200_000n,
        },
      ),
    });
    await eventually(async () => (await pool()) === 200_000n, "the pool fee");
  }, 60_000);

  afterAll(async () => {
    await chain?.close();
  });

  it("pays the verifier from the pool once the payout is in a block", async () => {
    const paid = await payouts.payVerifier({
      jobId: "rerun-1",
      providerAddress: verifier,
      amountMicro: 50_000n,
    });
    const tx = await node.node.getTransaction({ body: { tx_hash: paid.txHash } });
    expect(tx).toMatchObject({
      status: "confirmed",
      type: "pool_payout",
      block_height: paid.blockHeight,
      to: verifier,
      job_id: "rerun-1",
      amount_micro: "50000",
    });
    expect(await balance(verifier)).toBe(50_000n);
    expect(await pool()).toBe(150_000n);
  });

  it("refuses to pay one re-run twice, or more than the pool holds, paying nothing", async () => {
    const twice = await payouts
      .payVerifier({ jobId: "rerun-1", providerAddress: verifier, amountMicro: 1n })
      .catch((e: unknown) => e);
    expect(twice).toBeInstanceOf(ChainRejected);
    expect((twice as ChainRejected).reason).toBe("pool_payout_exists");
    const over = await payouts
      .payVerifier({ jobId: "rerun-2", providerAddress: verifier, amountMicro: 150_001n })
      .catch((e: unknown) => e);
    expect(over).toBeInstanceOf(ChainRejected);
    expect((over as ChainRejected).reason).toBe("pool_insufficient");
    expect(await balance(verifier)).toBe(50_000n);
    expect(await pool()).toBe(150_000n);
  });

  it("lands payouts signed at the same time, each with its own nonce", async () => {
    const results = await Promise.all(
      [3, 4, 5].map((n) =>
        payouts.payVerifier({
          jobId: `rerun-${n}`,
          providerAddress: verifier,
          amountMicro: 10_000n,
        }),
      ),
    );
    expect(new Set(results.map((r) => r.txHash)).size).toBe(3);
    expect(await balance(verifier)).toBe(80_000n);
    expect(await pool()).toBe(120_000n);
  });
});
