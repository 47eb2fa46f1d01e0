import type { Express } from "express";
import { NotFound } from "@aitbc/server-lib";
import { fromMicro, type NodeTypes } from "@aitbc/sdk";
import { StateRepo } from "../../data/state-repo.js";
import type { AppDeps } from "../deps.js";

const amount = (v: bigint | null) => (v === null ? null : fromMicro(v));
const micro = (v: bigint | null) => (v === null ? null : v.toString());

export function stateRoutes(app: Express, deps: AppDeps): void {
  const stateRepo = new StateRepo(deps.db);
  const { chain, mempool } = deps.node;

  app.get("/api/v1/account/:address", async (req, res) => {
    const { address } = req.params as NodeTypes.GetAccountData["path"];
    const account = chain.state.account(address);
    const locked = await stateRepo.lockedBy(address);
    const body: NodeTypes.GetAccountResponses[200] = {
      address,
      balance: fromMicro(account.balance),
      balance_micro: account.balance.toString(),
      locked: fromMicro(locked),
      locked_micro: locked.toString(),
      nonce: account.nonce,
      pending_nonce: mempool.pendingNonce(address),
    };
    res.json(body);
  });

  app.get("/api/v1/escrow/:job_id", (req, res) => {
    const { job_id } = req.params as NodeTypes.GetEscrowData["path"];
    const e = chain.state.escrow(job_id);
    if (!e)
      throw new NotFound(`Job ${job_id} has no escrow on chain (no escrow_lock in a block yet).`);
    const body: NodeTypes.GetEscrowResponses[200] = {
      job_id: e.job_id,
      status: e.status,
      owner: e.owner,
      amount: fromMicro(e.amount),
      amount_micro: e.amount.toString(),
      paid: amount(e.paid),
      paid_micro: micro(e.paid),
      refund: amount(e.refund),
      refund_micro: micro(e.refund),
      provider: e.provider,
      receipt_hash: e.receipt_hash,
      lock_tx_hash: e.lock_tx_hash,
      lock_height: e.lock_height,
      release_tx_hash: e.release_tx_hash,
      release_height: e.release_height,
    };
    res.json(body);
  });
}
