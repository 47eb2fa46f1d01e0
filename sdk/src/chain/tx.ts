// The transaction format of the AITBC chain, shared by the node (which verifies), the wallet and
// the coordinator (which sign), and non-custodial users. Amounts are micro-AITBC decimal strings
// so that the signed bytes are exact. The signing input is the RFC 8785 canonical JSON of the
// transaction without `signature`; the hash is `0x` + sha256 of the canonical JSON of the whole
// signed transaction.
import { canonicalBytes } from "../crypto/jcs.js";
import { sha256Hex } from "../crypto/hash.js";
import { fromBase64Url, toBase64Url } from "../crypto/base64url.js";
import { keyPairFromSecret, sign, verify } from "../crypto/ed25519.js";
import { addressFromPublicKey } from "./address.js";

export interface TransferPayload {
  to: string;
  amount: string;
}
export interface EscrowLockPayload {
  job_id: string;
  amount: string;
}
export interface EscrowReleasePayload {
  job_id: string;
  /** Paid to `provider`. */
  paid: string;
  /** Returned to the account that locked the escrow. paid + refund must equal the locked amount. */
  refund: string;
  /** The provider's address; required when `paid` is above zero. */
  provider?: string;
  /** `sha256:<hex>` of the receipt, anchored on chain; absent for refunds. */
  receipt_hash?: string;
  /** The part of `paid` that goes to the verification pool instead of the provider; "0" when absent. */
  pool_fee?: string;
}
export interface MintPayload {
  to: string;
  amount: string;
  /** What the mint is for, for example the exchange order id. */
  reference?: string;
}
export interface FaucetPayload {
  to: string;
  amount: string;
}

/** Moves `amount` from the signer's balance into the signer's deposit (creates or tops it up). */
export interface DepositLockPayload {
  amount: string;
}
/** Starts the withdrawal delay of the signer's deposit. */
export type DepositWithdrawPayload = Record<string, never>;
/** Returns what is left of the signer's deposit once the withdrawal delay has passed. */
export type DepositReleasePayload = Record<string, never>;
/** One job paid from a deposit by a settlement batch. */
export interface SettlementItem {
  /** The address whose deposit pays. */
  deposit_owner: string;
  /** The provider's address, credited with `paid`. */
  provider: string;
  /** micro-AITBC, above zero. */
  paid: string;
  /** Each job id is paid once, ever, from a deposit or an escrow. */
  job_id: string;
  /** The part of `paid` that goes to the verification pool instead of the provider; "0" when absent. */
  pool_fee?: string;
}
export interface SettlementBatchPayload {
  /** Each batch id is used once, ever. */
  batch_id: string;
  /** `0x` + hex Merkle root of the batch's receipt hashes (see receipts/merkle.ts). */
  receipts_root: string;
  items: SettlementItem[];
}

/** Moves `amount` from the signer's balance into the signer's provider bond (creates or tops it up). */
export interface BondLockPayload {
  amount: string;
}
/** Starts the unlock delay of the signer's bond. */
export type BondUnlockPayload = Record<string, never>;
/** Returns what is left of the signer's bond once the unlock delay has passed. */
export type BondReleasePayload = Record<string, never>;
/** Why a bond was slashed. */
export type BondSlashReason = "spot_check_failed" | "dispute_upheld";
/** Takes `refund + penalty` from a provider's bond: `refund` to the customer, `penalty` to the verification pool. */
export interface BondSlashPayload {
  /** The provider whose bond pays. */
  provider: string;
  /** Each job id is slashed once, ever. */
  job_id: string;
  /** The job's customer, credited with `refund`. */
  customer: string;
  /** micro-AITBC paid back to the customer (may be "0"). */
  refund: string;
  /** micro-AITBC moved into the verification pool (may be "0"; refund + penalty above zero). */
  penalty: string;
  reason: BondSlashReason;
}

/** Why the verification pool paid. */
export type PoolPayoutReason = "verification_rerun";
/** Pays `amount` from the verification pool to the provider whose miner re-ran a job. */
export interface PoolPayoutPayload {
  /** The re-run job; each job id is paid from the pool once, ever. */
  job_id: string;
  /** The provider credited with `amount`. */
  provider: string;
  /** micro-AITBC, above zero. */
  amount: string;
  reason: PoolPayoutReason;
}

export interface TxPayloads {
  transfer: TransferPayload;
  escrow_lock: EscrowLockPayload;
  escrow_release: EscrowReleasePayload;
  mint: MintPayload;
  faucet: FaucetPayload;
  deposit_lock: DepositLockPayload;
  deposit_withdraw: DepositWithdrawPayload;
  deposit_release: DepositReleasePayload;
  settlement_batch: SettlementBatchPayload;
  bond_lock: BondLockPayload;
  bond_unlock: BondUnlockPayload;
  bond_release: BondReleasePayload;
  bond_slash: BondSlashPayload;
  pool_payout: PoolPayoutPayload;
}
export type TxType = keyof TxPayloads;
export const TX_TYPES: readonly TxType[] = [
  "transfer",
  "escrow_lock",
  "escrow_release",
  "mint",
  "faucet",
  "deposit_lock",
  "deposit_withdraw",
  "deposit_release",
  "settlement_batch",
  "bond_lock",
  "bond_unlock",
  "bond_release",
  "bond_slash",
  "pool_payout",
];

export interface UnsignedTx<T extends TxType = TxType> {
  type: T;
  chain_id: string;
  /** The signer's address; must match `public_key`. */
  from: string;
  /** The signer's next nonce (0 for a new account). */
  nonce: number;
  payload: TxPayloads[T];
  /** The signer's ed25519 public key, base64url. */
  public_key: string;
}

export interface SignedTx<T extends TxType = TxType> extends UnsignedTx<T> {
  /** ed25519 signature over the canonical JSON of the other fields, base64url. */
  signature: string;
}

export function txSigningBytes(tx: UnsignedTx): Uint8Array {
  const { type, chain_id, from, nonce, payload, public_key } = tx;
  return canonicalBytes({ type, chain_id, from, nonce, payload, public_key });
}

export interface BuildTxInput<T extends TxType> {
  type: T;
  chainId: string;
  nonce: number;
  payload: TxPayloads[T];
}

/** Builds and signs a transaction with a 32-byte ed25519 secret key. */
export function signTx<T extends TxType>(
  input: BuildTxInput<T>,
  secretKey: Uint8Array,
): SignedTx<T> {
  const { publicKey } = keyPairFromSecret(secretKey);
  const unsigned: UnsignedTx<T> = {
    type: input.type,
    chain_id: input.chainId,
    from: addressFromPublicKey(publicKey),
    nonce: input.nonce,
    payload: input.payload,
    public_key: toBase64Url(publicKey),
  };
  return { ...unsigned, signature: toBase64Url(sign(txSigningBytes(unsigned), secretKey)) };
}

/** Checks that `from` belongs to `public_key` and the signature is valid. Never throws. */
export function verifyTxSignature(tx: SignedTx): boolean {
  try {
    const publicKey = fromBase64Url(tx.public_key);
    if (addressFromPublicKey(publicKey) !== tx.from) return false;
    return verify(fromBase64Url(tx.signature), txSigningBytes(tx), publicKey);
  } catch {
    return false;
  }
}

export function txHash(tx: SignedTx): string {
  const { type, chain_id, from, nonce, payload, public_key, signature } = tx;
  return (
    "0x" +
    sha256Hex(canonicalBytes({ type, chain_id, from, nonce, payload, public_key, signature }))
  );
}
