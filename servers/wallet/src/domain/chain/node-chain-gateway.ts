// The ChainGateway over a node's RPC: server-lib's node chain client (node down or failing:
// Unavailable (503) for the wallet's caller; a refused transaction: ChainRejected with the node's
// reason), plus the address history only the wallet reads.
import {
  DEFAULT_BOND_UNLOCK_DELAY_BLOCKS,
  DEFAULT_DEPOSIT_WITHDRAW_DELAY_BLOCKS,
  DEFAULT_MIN_ESCROW_MICRO,
  ValidationError,
  parseMicro,
  type SignedTx,
} from "@aitbc/sdk";
import { ValidationFailed, nodeChainClient } from "@aitbc/server-lib";
import type {
  BondAt,
  BondRules,
  ChainAccount,
  ChainBond,
  ChainDeposit,
  ChainGateway,
  DepositAt,
  DepositRules,
  ChainHistoryPage,
  ChainTxStatus,
} from "./chain-gateway.js";

export function nodeChainGateway(nodeUrl: string): ChainGateway {
  const chain = nodeChainClient(nodeUrl);
  const { node, call } = chain;
  let rules: Promise<DepositRules> | undefined;
  let bondRules: Promise<BondRules> | undefined;

  return {
    chainId: () => chain.chainId(),
    headBlock: () => chain.headBlock(),
    block: (height) => chain.block(height),
    submit: (tx) => chain.submit(tx),
    isReachable: () => chain.isReachable(),

    async getAccount(address): Promise<ChainAccount> {
      const a = await chain.account(address);
      return {
        address: a.address,
        balanceMicro: parseMicro(a.balance_micro),
        lockedMicro: parseMicro(a.locked_micro),
        nonce: a.nonce,
        pendingNonce: a.pending_nonce,
      };
    },

    async getDeposit(address): Promise<ChainDeposit> {
      const d = await call("deposit", () => node.getDeposit({ path: { address } }));
      return { address: d.address, ...depositAt(d), finalized: depositAt(d.finalized) };
    },

    depositRules(): Promise<DepositRules> {
      // Genesis parameters never change; a failed lookup is not remembered.
      rules ??= call("chain", () => node.getChain()).then(
        (c) => ({
          // A node that leaves them out runs on the genesis defaults.
          minLockMicro:
            c.min_escrow_micro === undefined
              ? DEFAULT_MIN_ESCROW_MICRO
              : parseMicro(c.min_escrow_micro),
          withdrawDelayBlocks:
            c.deposit_withdraw_delay_blocks ?? DEFAULT_DEPOSIT_WITHDRAW_DELAY_BLOCKS,
          blockTimeMs: c.block_time_ms,
        }),
        (err: unknown) => {
          rules = undefined;
          throw err;
        },
      );
      return rules;
    },

    async getBond(address): Promise<ChainBond> {
      const b = await call("bond", () => node.getBond({ path: { address } }));
      return { address: b.address, ...bondAt(b), finalized: bondAt(b.finalized) };
    },

    bondRules(): Promise<BondRules> {
      // Genesis parameters never change; a failed lookup is not remembered.
      bondRules ??= call("chain", () => node.getChain()).then(
        (c) => ({
          unlockDelayBlocks: c.bond_unlock_delay_blocks ?? DEFAULT_BOND_UNLOCK_DELAY_BLOCKS,
          blockTimeMs: c.block_time_ms,
        }),
        (err: unknown) => {
          bondRules = undefined;
          throw err;
        },
      );
      return bondRules;
    },

    async movedAmount(txHash) {
      const view = await call("transaction", () =>
        node.getTransaction({ body: { tx_hash: txHash } }),
      );
      return parseMicro(view.amount_micro);
    },

    async getTransaction(txHash): Promise<ChainTxStatus> {
      const status = await chain.getTransaction(txHash);
      if (status.status !== "confirmed") return status;
      // The wallet answers once a block includes the tx; finality is not waited for.
      return {
        status: "confirmed",
        blockHeight: status.blockHeight,
        ...(status.timestamp ? { timestamp: status.timestamp } : {}),
      };
    },

    async listAddressTransactions(address, page): Promise<ChainHistoryPage> {
      let r;
      try {
        r = await call("transactions", () =>
          node.listTransactions({
            query: { address, limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) },
          }),
        );
      } catch (err) {
        // Everything else in the query was validated here already; the cursor is the node's.
        if (err instanceof ValidationError && page.cursor)
          throw ValidationFailed.field("query.cursor", "is not a cursor of this listing");
        throw err;
      }
      return {
        items: r.items
          .filter((v) => v.status === "confirmed" && v.block_height !== null)
          .map((v) => ({
            txHash: v.tx_hash,
            tx: v.tx as SignedTx,
            amountMicro: parseMicro(v.amount_micro),
            blockHeight: v.block_height as number,
            ...(v.timestamp ? { timestamp: v.timestamp } : {}),
          })),
        nextCursor: r.page.next_cursor,
      };
    },
  };
}

function depositAt(d: {
  height: number;
  amount_micro: string;
  status: DepositAt["status"];
  unlock_height: number | null;
}): DepositAt {
  return {
    height: d.height,
    amountMicro: parseMicro(d.amount_micro),
    status: d.status,
    unlockHeight: d.unlock_height,
  };
}

function bondAt(b: {
  height: number;
  amount_micro: string;
  status: BondAt["status"];
  unlock_height: number | null;
}): BondAt {
  return {
    height: b.height,
    amountMicro: parseMicro(b.amount_micro),
    status: b.status,
    unlockHeight: b.unlock_height,
  };
}
