// The genesis settlement key, decoded once: every transaction the coordinator signs (escrow
// releases, settlement batches, pool payouts) is signed with it, on the one chain it names.
import { addressFromPublicKey, importSecretKey } from "@aitbc/sdk";

export interface SettlementKey {
  chainId: string;
  secretKey: Uint8Array;
  /** The key's chain address: whose nonces the signers read. */
  address: string;
}

/** `secretKeyBase64Url` is the secret whose public key is `settlement_key` in the genesis. */
export function settlementKey(secretKeyBase64Url: string, chainId: string): SettlementKey {
  const pair = importSecretKey(secretKeyBase64Url);
  return { chainId, secretKey: pair.secretKey, address: addressFromPublicKey(pair.publicKey) };
}
