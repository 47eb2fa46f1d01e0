// For the settlement-batch suites: customers with a prepaid deposit on a real chain, providers
// with fresh addresses, and `owed` reservations written the way a completed deposit job leaves
// them (so the batch worker can be driven without running jobs).
import { randomBytes } from "node:crypto";
import {
  addressFromPublicKey,
  contentDigest,
  createAitbcClient,
  depositLockTx,
  generateKeyPair,
  type AitbcClient,
} from "@aitbc/sdk";
import type { Knex } from "@aitbc/server-lib";
import { eventually } from "./harness.js";

export interface DepositOwner {
  address: string;
  secretKey: Uint8Array;
}

export const newAddress = (): string => addressFromPublicKey(generateKeyPair().publicKey);

/** A fresh key with `faucetAitbc` from the faucet, `depositMicro` of it locked in its deposit. */
export async function depositOwner(
  admin: AitbcClient,
  chainId: string,
  faucetAitbc: number,
  depositMicro: bigint,
): Promise<DepositOwner> {
  const pair = generateKeyPair();
  const address = addressFromPublicKey(pair.publicKey);
  await admin.node.requestFaucet({ body: { address, amount: faucetAitbc } });
  await eventually(
    async () => Number((await admin.node.getAccount({ path: { address } })).balance) > 0,
    "the faucet",
    30_000,
  );
  const account = await admin.node.getAccount({ path: { address } });
  const tx = depositLockTx(
    { chainId, nonce: account.pending_nonce, secretKey: pair.secretKey },
    depositMicro,
  );
  await admin.node.submitTransaction({ body: tx as never });
  await eventually(
    async () =>
      (await depositMicroOf(admin, address, "final")) === depositMicro ? true : undefined,
    "the deposit to be final",
    30_000,
  );
  return { address, secretKey: pair.secretKey };
}

export async function depositMicroOf(
  client: AitbcClient,
  address: string,
  at: "head" | "final" = "head",
): Promise<bigint> {
  try {
    const d = await client.node.getDeposit({ path: { address } });
    return BigInt(at === "head" ? d.amount_micro : d.finalized.amount_micro);
  } catch {
    return 0n;
  }
}

export async function balanceMicroOf(client: AitbcClient, address: string): Promise<bigint> {
  return BigInt((await client.node.getAccount({ path: { address } })).balance_micro);
}

export interface Owed {
  jobId: string;
  owner: string;
  provider: string;
  amountMicro: bigint;
  receiptHash: string;
}

/** Writes `owed` reservations as a completed deposit job leaves them. */
export async function insertOwed(
  db: Knex,
  items: Array<Omit<Owed, "jobId" | "receiptHash">>,
): Promise<Owed[]> {
  const now = Date.now();
  const rows: Owed[] = items.map((i) => ({
    ...i,
    jobId: randomBytes(16).toString("hex"),
    receiptHash: contentDigest(randomBytes(32).toString("hex")),
  }));
  for (const [n, r] of rows.entries()) {
    const at = new Date(now + n).toISOString();
    await db("deposit_reservations").insert({
      job_id: r.jobId,
      owner_address: r.owner,
      amount_micro: String(r.amountMicro),
      status: "owed",
      provider_address: r.provider,
      receipt_hash: r.receiptHash,
      batch_id: null,
      settled_height: null,
      created_at: at,
      updated_at: at,
    });
  }
  return rows;
}

export function nodeClient(nodeUrl: string, apiKey?: string): AitbcClient {
  return createAitbcClient({ nodeUrl, ...(apiKey ? { apiKey } : {}), http: { retries: 0 } });
}
