import { NotFound, Unavailable } from "@aitbc/server-lib";
import { fromMicro, parseMicro, type EscrowReleasePayload, type NodeTypes } from "@aitbc/sdk";
import { StateRepo } from "../../data/state-repo.js";
import { bondOf, depositOf } from "../../domain/ledger/state.js";
import { TxRepo } from "../../data/tx-repo.js";
import type { NodeDeps } from "../deps.js";
import type { NodeHandlers } from "../routes.gen.js";

type EscrowView = NodeTypes.GetEscrowResponses[200];

export function stateRoutes(deps: NodeDeps): NodeHandlers<"getAccount" | "getEscrow"> {
  const stateRepo = new StateRepo(deps.db);
  const txs = new TxRepo(deps.db);
  const { chain, mempool } = deps.node;

  return {
    async getAccount({ path: { address } }) {
      const account = chain.state.account(address);
      const locked = await stateRepo.lockedBy(address);
      const deposit = depositOf(chain.state, address)?.amount ?? 0n;
      const bond = bondOf(chain.state, address)?.amount ?? 0n;
      const body: NodeTypes.GetAccountResponses[200] = {
        address,
        balance: fromMicro(account.balance),
        balance_micro: account.balance.toString(),
        locked: fromMicro(locked),
        locked_micro: locked.toString(),
        deposit: fromMicro(deposit),
        deposit_micro: deposit.toString(),
        bond: fromMicro(bond),
        bond_micro: bond.toString(),
        nonce: account.nonce,
        pending_nonce: mempool.pendingNonce(address),
      };
      return { status: 200, body };
    },

    async getEscrow({ path: { job_id } }) {
      const e = chain.state.escrow(job_id);
      if (!e)
        throw new NotFound(`Job ${job_id} has no escrow on chain (no escrow_lock in a block yet).`);
      if (e.status === "locked") {
        const body: EscrowView = {
          job_id: e.job_id,
          status: e.status,
          owner: e.owner,
          amount: fromMicro(e.amount),
          amount_micro: e.amount.toString(),
          paid: null,
          paid_micro: null,
          refund: null,
          refund_micro: null,
          provider: null,
          receipt_hash: null,
          lock_tx_hash: e.lock_tx_hash,
          lock_height: e.lock_height,
          release_tx_hash: null,
          release_height: null,
          pool_fee: null,
          pool_fee_micro: null,
        };
        return { status: 200, body };
      }
      // The state keeps only a tombstone of a released escrow: the rest is in its two transactions.
      const [lock, release] = await txs.escrowTxs(job_id);
      if (!lock || !release)
        throw new Unavailable(`The escrow of job ${job_id} is changing (a reorg). Retry.`, 1);
      const p = (JSON.parse(release.body) as { payload: EscrowReleasePayload }).payload;
      const paid = parseMicro(p.paid);
      const refund = parseMicro(p.refund);
      const fee = parseMicro(p.pool_fee ?? "0");
      const body: EscrowView = {
        job_id,
        status: e.status,
        owner: lock.from_address,
        amount: fromMicro(BigInt(lock.amount)),
        amount_micro: lock.amount,
        paid: fromMicro(paid),
        paid_micro: paid.toString(),
        refund: fromMicro(refund),
        refund_micro: refund.toString(),
        provider: p.provider ?? null,
        receipt_hash: p.receipt_hash ?? null,
        lock_tx_hash: lock.hash,
        lock_height: lock.block_height,
        release_tx_hash: release.hash,
        release_height: release.block_height,
        pool_fee: fromMicro(fee),
        pool_fee_micro: fee.toString(),
      };
      return { status: 200, body };
    },
  };
}
