// A dev chain in one call: fresh validator, settlement and treasury keys and a genesis that lists
// them. The stack launcher and the tests use it; `aitbc-node init` writes its output to files.
import {
  addressFromPublicKey,
  exportKeyPair,
  generateKeyPair,
  toMicro,
  type Genesis,
  type GenesisAllocation,
} from "@aitbc/sdk";

export interface KeyMaterial {
  /** base64url of the 32-byte ed25519 secret seed. */
  secret_key: string;
  public_key: string;
  address: string;
}

export interface ValidatorKey extends KeyMaterial {
  name: string;
}

export interface DevGenesisOptions {
  /** Number of validators (default 3, like the local stack's nodes). */
  validators?: number;
  chainId?: string;
  blockTimeMs?: number;
  roundTimeoutMs?: number;
  /** Default true; false makes a chain without faucet. */
  dev?: boolean;
  allocations?: GenesisAllocation[];
  /** Use existing public keys instead of generating new ones (their secrets are then not returned). */
  settlementPublicKey?: string;
  treasuryPublicKey?: string;
  genesisTime?: string;
  /** The smallest escrow_lock in micro-AITBC; left out of the genesis (default 10,000) if absent. */
  minEscrow?: string;
  /** Blocks a deposit withdrawal waits; left out of the genesis (default 10) if absent. */
  depositWithdrawDelayBlocks?: number;
  /** Blocks a bond unlock waits; left out of the genesis (default 100) if absent. */
  bondUnlockDelayBlocks?: number;
}

export interface DevGenesis {
  genesis: Genesis;
  validators: ValidatorKey[];
  /** The coordinator's settlement key (AITBC_SETTLEMENT_SECRET_KEY); absent if a public key was given. */
  settlement?: KeyMaterial;
  /** The exchange's treasury key; absent if a public key was given. */
  treasury?: KeyMaterial;
}

function material(): KeyMaterial {
  const pair = generateKeyPair();
  const exported = exportKeyPair(pair);
  return { ...exported, address: addressFromPublicKey(pair.publicKey) };
}

export function createDevGenesis(options: DevGenesisOptions = {}): DevGenesis {
  const count = options.validators ?? 3;
  if (!Number.isInteger(count) || count < 1 || count > 64)
    throw new RangeError("validators: expected an integer from 1 to 64");
  const validators: ValidatorKey[] = Array.from({ length: count }, (_, i) => ({
    name: `validator-${i + 1}`,
    ...material(),
  }));
  const settlement = options.settlementPublicKey ? undefined : material();
  const treasury = options.treasuryPublicKey ? undefined : material();
  const genesis: Genesis = {
    chain_id: options.chainId ?? "aitbc-dev",
    genesis_time: options.genesisTime ?? new Date().toISOString(),
    dev: options.dev ?? true,
    block_time_ms: options.blockTimeMs ?? 1000,
    ...(options.roundTimeoutMs !== undefined ? { round_timeout_ms: options.roundTimeoutMs } : {}),
    validators: validators.map((v) => ({ name: v.name, public_key: v.public_key })),
    allocations: options.allocations ?? [],
    settlement_key: options.settlementPublicKey ?? settlement!.public_key,
    treasury_key: options.treasuryPublicKey ?? treasury!.public_key,
    ...(options.minEscrow !== undefined ? { min_escrow: options.minEscrow } : {}),
    ...(options.depositWithdrawDelayBlocks !== undefined
      ? { deposit_withdraw_delay_blocks: options.depositWithdrawDelayBlocks }
      : {}),
    ...(options.bondUnlockDelayBlocks !== undefined
      ? { bond_unlock_delay_blocks: options.bondUnlockDelayBlocks }
      : {}),
  };
  return {
    genesis,
    validators,
    ...(settlement ? { settlement } : {}),
    ...(treasury ? { treasury } : {}),
  };
}

/** Convenience for allocations: `allocate(address, 1000)` gives 1000 AITBC. */
export function allocate(address: string, aitbc: number | string): GenesisAllocation {
  return { address, amount: toMicro(aitbc).toString() };
}
