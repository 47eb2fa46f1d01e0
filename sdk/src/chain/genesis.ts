// The genesis file every node of a chain starts from (spec/common/schemas/Genesis.yaml). Its hash
// identifies the chain: nodes with different genesis hashes refuse to peer.
import { canonicalBytes } from "../crypto/jcs.js";
import { sha256Hex } from "../crypto/hash.js";

export interface GenesisValidator {
  name: string;
  /** ed25519 public key, base64url. */
  public_key: string;
}

export interface GenesisAllocation {
  address: string;
  /** micro-AITBC decimal string. */
  amount: string;
}

export interface Genesis {
  chain_id: string;
  genesis_time: string;
  /** Dev chains have a faucet. */
  dev: boolean;
  block_time_ms: number;
  /** How long the next validator waits for a missing proposer; default 3 × block_time_ms. */
  round_timeout_ms?: number;
  validators: GenesisValidator[];
  allocations: GenesisAllocation[];
  /** The coordinator's key, the only signer of `escrow_release`. */
  settlement_key: string;
  /** The exchange's key, the only signer of `mint`. */
  treasury_key: string;
  /** The smallest `escrow_lock` amount, micro-AITBC decimal string; default "10000". */
  min_escrow?: string;
  /** Blocks between a `deposit_withdraw` and the first block that may include its `deposit_release`; default 10. */
  deposit_withdraw_delay_blocks?: number;
  /** Blocks between a `bond_unlock` and the first block that may include its `bond_release`; default 100. */
  bond_unlock_delay_blocks?: number;
}

/** `0x` + sha256 of the canonical JSON of the genesis file; also the hash of block 0. */
export function genesisHash(genesis: Genesis): string {
  return "0x" + sha256Hex(canonicalBytes(genesis));
}

/** The smallest escrow a chain accepts when its genesis leaves `min_escrow` out (0.01 AITBC). */
export const DEFAULT_MIN_ESCROW_MICRO = 10_000n;

export function minEscrowMicro(genesis: Genesis): bigint {
  return genesis.min_escrow === undefined ? DEFAULT_MIN_ESCROW_MICRO : BigInt(genesis.min_escrow);
}

export function roundTimeoutMs(genesis: Genesis): number {
  return genesis.round_timeout_ms ?? 3 * genesis.block_time_ms;
}

/** The withdrawal delay of a deposit when the genesis leaves it out (blocks). */
export const DEFAULT_DEPOSIT_WITHDRAW_DELAY_BLOCKS = 10;

export function depositWithdrawDelayBlocks(genesis: Genesis): number {
  return genesis.deposit_withdraw_delay_blocks ?? DEFAULT_DEPOSIT_WITHDRAW_DELAY_BLOCKS;
}

/** The unlock delay of a provider bond when the genesis leaves it out (blocks). */
export const DEFAULT_BOND_UNLOCK_DELAY_BLOCKS = 100;

export function bondUnlockDelayBlocks(genesis: Genesis): number {
  return genesis.bond_unlock_delay_blocks ?? DEFAULT_BOND_UNLOCK_DELAY_BLOCKS;
}
