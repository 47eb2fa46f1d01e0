// For the deposit suites: customers whose chain keys the test holds (the wallet would keep them
// custodial, but a `deposit_lock` is signed by its owner), and a deposit locked on a real chain
// and waited for until it is final, which is when the coordinator may reserve against it.
import {
  addressFromPublicKey,
  depositLockTx,
  generateKeyPair,
  toMicro,
  type AitbcClient,
  type KeyPair,
} from "@aitbc/sdk";
import type { AddressProvider } from "../../src/index.js";
import { eventually } from "./harness.js";

export class HeldKeys implements AddressProvider {
  readonly kind = "local" as const;
  private readonly keys = new Map<string, KeyPair>();

  async addressFor(): Promise<string> {
    const pair = generateKeyPair();
    const address = addressFromPublicKey(pair.publicKey);
    this.keys.set(address, pair);
    return address;
  }

  secretKeyOf(address: string): Uint8Array {
    const pair = this.keys.get(address);
    if (!pair) throw new Error(`no key held for ${address}`);
    return pair.secretKey;
  }
}

/**
 * Gives `address` `aitbc` from the faucet and locks all of it in its deposit, signed with its own
 * key; resolves once the deposit is final. `node` must carry the chain's admin key (the faucet).
 */
export async function lockDeposit(
  node: AitbcClient,
  keys: HeldKeys,
  chainId: string,
  address: string,
  aitbc: number,
): Promise<void> {
  const amount = toMicro(aitbc);
  await node.node.requestFaucet({ body: { address, amount: aitbc } });
  await eventually(
    async () => BigInt((await node.node.getAccount({ path: { address } })).balance_micro) >= amount,
    "the faucet grant",
  );
  const { pending_nonce } = await node.node.getAccount({ path: { address } });
  const lock = depositLockTx(
    { chainId, nonce: pending_nonce, secretKey: keys.secretKeyOf(address) },
    amount,
  );
  await node.node.submitTransaction({ body: lock });
  await eventually(async () => {
    const d = await node.node.getDeposit({ path: { address } });
    return d.finalized.status === "active" && BigInt(d.finalized.amount_micro) >= amount;
  }, "the deposit, final");
}
