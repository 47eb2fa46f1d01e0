// What the wallet needs from the chain, in its own terms. The production adapter
// (node-chain-gateway.ts) talks to a node through the SDK; nothing else in the wallet knows the
// node's wire format.
import type { SignedTx } from "@aitbc/sdk";

export interface ChainAccount {
  address: string;
  /** Spendable balance by the chain state. */
  balanceMicro: bigint;
  /** In this address's open job escrows (not part of the balance). */
  lockedMicro: bigint;
  /** Next nonce by the chain state. */
  nonce: number;
  /** Next nonce counting the mempool: the one to sign with. */
  pendingNonce: number;
}

export type ChainTxStatus =
  | { status: "confirmed"; blockHeight: number; timestamp?: string }
  | { status: "pending" }
  /** The node accepted it, then dropped it (for example a competing tx spent the money first). */
  | { status: "rejected"; reason: string }
  | { status: "unknown" };

export interface ChainHistoryEntry {
  txHash: string;
  tx: SignedTx;
  /** What the tx moved by the node's account (a deposit release: what returned to the owner). */
  amountMicro: bigint;
  blockHeight: number;
  timestamp?: string;
}

export interface ChainHistoryPage {
  items: ChainHistoryEntry[];
  nextCursor: string | null;
}

export interface ChainBlock {
  height: number;
  txHashes: string[];
}

export type DepositStatus = "none" | "active" | "withdrawing";

export interface DepositAt {
  height: number;
  amountMicro: bigint;
  status: DepositStatus;
  /** The first height whose block may include the release; null unless withdrawing. */
  unlockHeight: number | null;
}

export interface ChainDeposit extends DepositAt {
  address: string;
  finalized: DepositAt;
}

/** The genesis parameters the deposit rules depend on. */
export interface DepositRules {
  minLockMicro: bigint;
  withdrawDelayBlocks: number;
  blockTimeMs: number;
}

export type BondStatus = "none" | "active" | "unlocking";

export interface BondAt {
  height: number;
  amountMicro: bigint;
  status: BondStatus;
  /** The first height whose block may include the release; null unless unlocking. */
  unlockHeight: number | null;
}

export interface ChainBond extends BondAt {
  address: string;
  finalized: BondAt;
}

/** The genesis parameters the bond rules depend on. */
export interface BondRules {
  unlockDelayBlocks: number;
  blockTimeMs: number;
}

export interface ChainGateway {
  chainId(): Promise<string>;
  headBlock(): Promise<ChainBlock>;
  block(height: number): Promise<ChainBlock>;
  getAccount(address: string): Promise<ChainAccount>;
  /** Submits a signed tx; throws ChainRejected (server-lib) when the node refuses it. Returns its hash. */
  submit(tx: SignedTx): Promise<string>;
  getTransaction(txHash: string): Promise<ChainTxStatus>;
  /** Confirmed transactions touching the address (as signer, receiver, provider or refunded customer), newest first. */
  listAddressTransactions(
    address: string,
    page: { limit: number; cursor?: string },
  ): Promise<ChainHistoryPage>;
  isReachable(): Promise<boolean>;
  /** The address's deposit as of the head block and as of the finalized block. */
  getDeposit(address: string): Promise<ChainDeposit>;
  depositRules(): Promise<DepositRules>;
  /** The address's provider bond as of the head block and as of the finalized block. */
  getBond(address: string): Promise<ChainBond>;
  bondRules(): Promise<BondRules>;
  /** What a confirmed tx moved by the node's account of it (a release: what returned to the owner). */
  movedAmount(txHash: string): Promise<bigint>;
}
