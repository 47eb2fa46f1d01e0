import { fromMicro } from "@aitbc/sdk";
import { declaredReply, idempotent, type Caller } from "@aitbc/server-lib";
import type { WalletDeps } from "../deps.js";
import type { WalletHandlers } from "../routes.gen.js";
import { microFromField } from "../amount-input.js";
import { readDeposit, type DepositView } from "../../domain/deposit/deposit-view.js";
import type { DepositTxResult } from "../../domain/deposit/deposit-transactions.js";

type DepositOps = "getDeposit" | "lockDeposit" | "withdrawDeposit" | "releaseDeposit";

export function depositRoutes(deps: WalletDeps): WalletHandlers<DepositOps> {
  const once = async (
    action: string,
    caller: Caller,
    req: { get(name: string): string | undefined },
    body: unknown,
    run: () => Promise<DepositTxResult>,
  ) => {
    const scope = `deposit-${action}:${caller.kind === "account" ? caller.id : "admin-key"}`;
    const result = await idempotent(
      deps.db,
      { scope, key: req.get("Idempotency-Key"), body },
      async () => ({ status: 200, body: depositTxBody(await run()) }),
    );
    return declaredReply(result, [200]);
  };
  return {
    async getDeposit({ query }, { req }) {
      const caller = await deps.authenticate(req);
      return { status: 200, body: depositBody(await readDeposit(deps.ctx, caller, query.address)) };
    },
    async lockDeposit({ body }, { req }) {
      const caller = await deps.authenticate(req);
      const amountMicro = microFromField(body.amount, "body.amount");
      return once("lock", caller, req, body, () => deps.deposits.lock(caller, amountMicro));
    },
    async withdrawDeposit({ body }, { req }) {
      const caller = await deps.authenticate(req);
      return once("withdraw", caller, req, body, () => deps.deposits.withdraw(caller));
    },
    async releaseDeposit({ body }, { req }) {
      const caller = await deps.authenticate(req);
      return once("release", caller, req, body, () => deps.deposits.release(caller));
    },
  };
}

function depositBody(d: DepositView) {
  return {
    address: d.address,
    height: d.height,
    amount: fromMicro(d.amountMicro),
    amount_micro: d.amountMicro.toString(),
    status: d.status,
    unlock_height: d.unlockHeight,
    releasable: d.releasable,
    unlock_estimated_at: d.unlockEstimatedAt,
    withdraw_delay_blocks: d.withdrawDelayBlocks,
    finalized: {
      height: d.finalized.height,
      amount: fromMicro(d.finalized.amountMicro),
      amount_micro: d.finalized.amountMicro.toString(),
      status: d.finalized.status,
      unlock_height: d.finalized.unlockHeight,
    },
  };
}

function depositTxBody(r: DepositTxResult) {
  return {
    type: r.type,
    address: r.address,
    amount: fromMicro(r.amountMicro),
    amount_micro: r.amountMicro.toString(),
    tx_hash: r.txHash,
    block_height: r.blockHeight,
    deposit: depositBody(r.deposit),
  };
}
