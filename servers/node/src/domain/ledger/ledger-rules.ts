// Who may sign what on this chain, from the genesis file.
import {
  bondUnlockDelayBlocks,
  depositWithdrawDelayBlocks,
  minEscrowMicro,
  type Genesis,
} from "@aitbc/sdk";

export interface LedgerRules {
  chainId: string;
  /** Dev chains accept `faucet` transactions. */
  dev: boolean;
  /** The only key that may sign `escrow_release`, `settlement_batch` and `bond_slash`. */
  settlementKey: string;
  /** The only key that may sign `mint`. */
  treasuryKey: string;
  /** Validator public keys: the only signers of `faucet`. */
  validatorKeys: ReadonlySet<string>;
  /** The smallest amount an `escrow_lock` may lock (micro-AITBC). */
  minEscrow: bigint;
  /** Blocks from a `deposit_withdraw` to the first block that may include its `deposit_release`. */
  depositWithdrawDelay: number;
  /** Blocks from a `bond_unlock` to the first block that may include its `bond_release`. */
  bondUnlockDelay: number;
}

export function rulesFromGenesis(genesis: Genesis): LedgerRules {
  return {
    chainId: genesis.chain_id,
    dev: genesis.dev,
    settlementKey: genesis.settlement_key,
    treasuryKey: genesis.treasury_key,
    validatorKeys: new Set(genesis.validators.map((v) => v.public_key)),
    minEscrow: minEscrowMicro(genesis),
    depositWithdrawDelay: depositWithdrawDelayBlocks(genesis),
    bondUnlockDelay: bondUnlockDelayBlocks(genesis),
  };
}
