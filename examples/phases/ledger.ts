// The ledger invariant (docs/architecture.md, "A job and its money"), checked from public chain
// data only: the sum of every balance, every open escrow, every prepaid deposit, every provider
// bond and the verification pool equals the genesis supply plus all faucet grants and exchange
// mints. Every address that ever appeared in a transaction is read; a block with transactions
// landing mid-count makes the count start over, so the sums belong to one chain state.
import {
  formatAitbc,
  type AitbcClient,
  type NodeTypes,
  type SettlementBatchPayload,
} from "@aitbc/sdk";

export interface LedgerReport {
  ok: boolean;
  /** Genesis allocations + faucet + mints, micro-AITBC. */
  supply: bigint;
  /** Balances + open escrows + deposits + bonds + the verification pool, micro-AITBC. */
  held: bigint;
  balances: bigint;
  escrowed: bigint;
  deposited: bigint;
  bonded: bigint;
  pool: bigint;
  addresses: number;
  transactions: number;
  /** Any negative balance is also a violation. */
  negative: string[];
}

async function allTransactions(node: AitbcClient): Promise<NodeTypes.TransactionView[]> {
  const items: NodeTypes.TransactionView[] = [];
  let cursor: string | undefined;
  do {
    const page = await node.node.listTransactions({
      query: { limit: 100, ...(cursor ? { cursor } : {}) },
    });
    items.push(...page.items);
    cursor = page.page.next_cursor ?? undefined;
  } while (cursor);
  return items;
}

async function newestTx(node: AitbcClient): Promise<string | undefined> {
  return (await node.node.listTransactions({ query: { limit: 1 } })).items[0]?.tx_hash;
}

export async function checkLedger(
  node: AitbcClient,
  genesisSupply = 0n,
  attempts = 8,
): Promise<LedgerReport> {
  for (let attempt = 1; ; attempt++) {
    const before = await newestTx(node);
    const txs = await allTransactions(node);
    const addresses = new Set<string>();
    let supply = genesisSupply;
    for (const t of txs) {
      addresses.add(t.from);
      if (t.to) addresses.add(t.to);
      // A settlement batch pays many providers; they are in its items, not in `to`.
      if (t.tx.type === "settlement_batch")
        for (const item of (t.tx.payload as SettlementBatchPayload).items)
          addresses.add(item.provider);
      if (t.type === "faucet" || t.type === "mint") supply += BigInt(t.amount_micro);
    }
    let balances = 0n;
    let escrowed = 0n;
    let deposited = 0n;
    let bonded = 0n;
    const negative: string[] = [];
    for (const address of addresses) {
      const account = await node.node.getAccount({ path: { address } });
      const balance = BigInt(account.balance_micro);
      if (balance < 0n) negative.push(address);
      balances += balance;
      escrowed += BigInt(account.locked_micro);
      deposited += BigInt(account.deposit_micro);
      bonded += BigInt(account.bond_micro);
    }
    const pool = BigInt((await node.node.getVerificationPool()).amount_micro);
    const after = await newestTx(node);
    if (before === after || attempt >= attempts) {
      const held = balances + escrowed + deposited + bonded + pool;
      return {
        ok: held === supply && negative.length === 0 && before === after,
        supply,
        held,
        balances,
        escrowed,
        deposited,
        bonded,
        pool,
        addresses: addresses.size,
        transactions: txs.length,
        negative,
      };
    }
  }
}

export function describeLedger(r: LedgerReport): string {
  return (
    `supply ${formatAitbc(r.supply)} AITBC (genesis + faucet + mints) vs ` +
    `balances ${formatAitbc(r.balances)} + escrows ${formatAitbc(r.escrowed)} + deposits ${formatAitbc(r.deposited)} + bonds ${formatAitbc(r.bonded)} + pool ${formatAitbc(r.pool)} = ${formatAitbc(r.held)} AITBC ` +
    `over ${r.addresses} addresses, ${r.transactions} txs`
  );
}
