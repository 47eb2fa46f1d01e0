// ChainStorage on knex: blocks, transactions, accounts and escrows tables (data/migrations.ts).
import { transaction, type Knex } from "@aitbc/server-lib";
import type { SignedBlock, SignedTx } from "@aitbc/sdk";
import type { ChainCommit, ChainStorage } from "../domain/chain/chain-storage.js";
import type { Equivocation } from "../domain/chain/equivocation.js";
import type { Candidate } from "../domain/chain/execute-block.js";
import type { HeadInfo } from "../domain/chain/head.js";
import type { AccountState, LedgerState, StateUndo } from "../domain/ledger/state.js";
import { BlockRepo, type BlockSummaryRow } from "./block-repo.js";
import { writeChain } from "./chain-store.js";
import { EquivocationRepo } from "./equivocation-repo.js";
import { blockRow, txRows } from "./chain-rows.js";
import { MetaRepo } from "./meta-repo.js";
import { StateRepo } from "./state-repo.js";
import { TxRepo } from "./tx-repo.js";
import { decodeUndo } from "./undo-codec.js";

function infoFromRow(r: BlockSummaryRow): HeadInfo {
  return {
    height: r.height,
    hash: r.hash,
    timestamp: r.timestamp,
    timestampMs: Date.parse(r.timestamp),
    weight: r.weight,
    stateRoot: r.state_root,
  };
}

export class KnexChainStorage implements ChainStorage {
  private readonly blocksRepo: BlockRepo;
  private readonly txsRepo: TxRepo;
  private readonly stateRepo: StateRepo;
  private readonly meta: MetaRepo;
  private readonly equivocations: EquivocationRepo;

  constructor(
    private readonly db: Knex,
    private readonly chainId: string,
  ) {
    this.blocksRepo = new BlockRepo(db);
    this.txsRepo = new TxRepo(db);
    this.stateRepo = new StateRepo(db);
    this.meta = new MetaRepo(db);
    this.equivocations = new EquivocationRepo(db);
  }

  genesisHash(): Promise<string | undefined> {
    return this.meta.get("genesis_hash");
  }

  async initGenesis(genesisHash: string, accounts: Map<string, AccountState>): Promise<void> {
    await transaction(this.db, async (trx) => {
      await StateRepo.write(trx, accounts, new Map(), new Map());
      await trx("chain_meta").insert({ key: "genesis_hash", value: genesisHash });
    });
  }

  loadState(): Promise<LedgerState> {
    return this.stateRepo.loadAll();
  }

  async head(): Promise<HeadInfo | undefined> {
    const row = await this.blocksRepo.head();
    return row ? infoFromRow(row) : undefined;
  }

  async infoAt(height: number): Promise<HeadInfo | undefined> {
    const row = await this.blocksRepo.byHeight(height);
    return row ? infoFromRow(row) : undefined;
  }

  hashAt(height: number): Promise<string | undefined> {
    return this.blocksRepo.hashAt(height);
  }

  async undoAbove(height: number): Promise<StateUndo[]> {
    return (await this.blocksRepo.undoAbove(height)).map((r) => decodeUndo(r.undo));
  }

  async txsAbove(height: number): Promise<Candidate[]> {
    const head = await this.blocksRepo.head();
    if (!head || head.height <= height) return [];
    const rows = await this.txsRepo.byBlocks(height + 1, head.height);
    return rows.map((r) => ({ hash: r.hash, tx: JSON.parse(r.body) as SignedTx }));
  }

  async blocks(fromHeight: number, count: number): Promise<SignedBlock[]> {
    const rows = await this.blocksRepo.range(fromHeight, count);
    if (rows.length === 0) return [];
    const txs = await this.txsRepo.byBlocks(rows[0]!.height, rows[rows.length - 1]!.height);
    const byHeight = new Map<number, SignedTx[]>();
    for (const t of txs) {
      const list = byHeight.get(t.block_height) ?? [];
      list.push(JSON.parse(t.body) as SignedTx);
      byHeight.set(t.block_height, list);
    }
    return rows.map((r) => ({
      header: {
        chain_id: this.chainId,
        height: r.height,
        prev_hash: r.prev_hash,
        timestamp: r.timestamp,
        proposer: r.proposer,
        round: r.round,
        tx_count: r.tx_count,
        tx_root: r.tx_root,
        state_root: r.state_root,
      },
      hash: r.hash,
      signature: r.signature,
      transactions: byHeight.get(r.height) ?? [],
    }));
  }

  async commit(commit: ChainCommit): Promise<void> {
    await writeChain(this.db, {
      ...(commit.removeAbove !== undefined ? { removeAbove: commit.removeAbove } : {}),
      blocks: commit.executed.map(blockRow),
      txs: commit.executed.flatMap(txRows),
      accounts: commit.accounts,
      escrows: commit.escrows,
      records: commit.records,
    });
  }

  latestProposals(height: number): Promise<Map<string, number>> {
    return this.blocksRepo.latestProposals(height);
  }

  async finalizedHeight(): Promise<number> {
    return Number((await this.meta.get("finalized_height")) ?? 0);
  }

  setFinalizedHeight(height: number): Promise<void> {
    return this.meta.set("finalized_height", String(height));
  }

  recordEquivocation(evidence: Equivocation): Promise<void> {
    return this.equivocations.record(evidence);
  }
}
