// The one write path of the chain: a new head (or a reorg) lands in a single database
// transaction, so a crash leaves either the old chain or the new one, never a mix.
import { transaction, type Knex } from "@aitbc/server-lib";
import type { StateRecord } from "../domain/ledger/records.js";
import type { AccountState, EscrowRecord } from "../domain/ledger/state.js";
import { BlockRepo } from "./block-repo.js";
import type { BlockRow, TxRow } from "./rows.js";
import { StateRepo } from "./state-repo.js";
import { TxRepo } from "./tx-repo.js";

export interface ChainWrite {
  /** Drop canonical blocks (and their transactions) above this height first (a reorg). */
  removeAbove?: number;
  blocks: BlockRow[];
  txs: TxRow[];
  accounts: Map<string, AccountState | null>;
  escrows: Map<string, EscrowRecord | null>;
  records: Map<string, StateRecord | null>;
}

export async function writeChain(db: Knex, write: ChainWrite): Promise<void> {
  await transaction(db, async (trx) => {
    if (write.removeAbove !== undefined) {
      await TxRepo.deleteAbove(trx, write.removeAbove);
      await BlockRepo.deleteAbove(trx, write.removeAbove);
    }
    await BlockRepo.insert(trx, write.blocks);
    await TxRepo.insert(trx, write.txs);
    await StateRepo.write(trx, write.accounts, write.escrows, write.records);
  });
}
