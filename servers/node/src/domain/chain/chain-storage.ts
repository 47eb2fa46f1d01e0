// What the chain needs from the database (implemented with knex in data/knex-chain-storage.ts).
import type { SignedBlock } from "@aitbc/sdk";
import type { StateRecord } from "../ledger/records.js";
import type { AccountState, EscrowRecord, LedgerState, StateUndo } from "../ledger/state.js";
import type { Equivocation } from "./equivocation.js";
import type { Candidate, ExecutedBlock } from "./execute-block.js";
import type { HeadInfo } from "./head.js";

export interface ChainCommit {
  /** Drop canonical blocks above this height first (a reorg). */
  removeAbove?: number;
  executed: ExecutedBlock[];
  /** Final values of every account and escrow the commit touched (null deletes). */
  accounts: Map<string, AccountState | null>;
  escrows: Map<string, EscrowRecord | null>;
  /** Deposits, settlement batches and paid jobs (null deletes). */
  records: Map<string, StateRecord | null>;
}

export interface ChainStorage {
  genesisHash(): Promise<string | undefined>;
  /** Stores the genesis allocations and the genesis hash, once, in one transaction. */
  initGenesis(genesisHash: string, accounts: Map<string, AccountState>): Promise<void>;
  loadState(): Promise<LedgerState>;
  head(): Promise<HeadInfo | undefined>;
  infoAt(height: number): Promise<HeadInfo | undefined>;
  hashAt(height: number): Promise<string | undefined>;
  /** Undo records of the blocks above `height`, newest first. */
  undoAbove(height: number): Promise<StateUndo[]>;
  /** Transactions of the blocks above `height`, oldest first. */
  txsAbove(height: number): Promise<Candidate[]>;
  blocks(fromHeight: number, count: number): Promise<SignedBlock[]>;
  commit(commit: ChainCommit): Promise<void>;
  /** Each validator's latest proposal height in the canonical chain, above `height`. */
  latestProposals(height: number): Promise<Map<string, number>>;
  /** The finalized height last recorded (0 before any). */
  finalizedHeight(): Promise<number>;
  setFinalizedHeight(height: number): Promise<void>;
  /** Keeps the evidence; recording the same pair twice keeps one row. */
  recordEquivocation(evidence: Equivocation): Promise<void>;
}
