import { fromMicro } from "@aitbc/sdk";
import { declaredReply, idempotent, type Caller } from "@aitbc/server-lib";
import type { WalletDeps } from "../deps.js";
import type { WalletHandlers } from "../routes.gen.js";
import { microFromField } from "../amount-input.js";
import { readBond, type BondView } from "../../domain/bond/bond-view.js";
import type { BondTxResult } from "../../domain/bond/bond-transactions.js";

type BondOps = "getWalletBond" | "lockBond" | "unlockBond" | "releaseBond";

export function bondRoutes(deps: WalletDeps): WalletHandlers<BondOps> {
  const once = async (
    action: string,
    caller: Caller,
    req: { get(name: string): string | undefined },
    body: unknown,
    run: () => Promise<BondTxResult>,
  ) => {
    const scope = `bond-${action}:${caller.kind === "account" ? caller.id : "admin-key"}`;
    const result = await idempotent(
      deps.db,
      { scope, key: req.get("Idempotency-Key"), body },
      async () => ({ status: 200, body: bondTxBody(await run()) }),
    );
    return declaredReply(result, [200]);
  };
  return {
    async getWalletBond({ query }, { req }) {
      const caller = await deps.authenticate(req);
      return { status: 200, body: bondBody(await readBond(deps.ctx, caller, query.address)) };
    },
    async lockBond({ body }, { req }) {
      const caller = await deps.authenticate(req);
      const amountMicro = microFromField(body.amount, "body.amount");
      return once("lock", caller, req, body, () => deps.bonds.lock(caller, amountMicro));
    },
    async unlockBond({ body }, { req }) {
      const caller = await deps.authenticate(req);
      return once("unlock", caller, req, body, () => deps.bonds.unlock(caller));
    },
    async releaseBond({ body }, { req }) {
      const caller = await deps.authenticate(req);
      return once("release", caller, req, body, () => deps.bonds.release(caller));
    },
  };
}

function bondBody(b: BondView) {
  return {
    address: b.address,
    height: b.height,
    amount: fromMicro(b.amountMicro),
    amount_micro: b.amountMicro.toString(),
    status: b.status,
    unlock_height: b.unlockHeight,
    releasable: b.releasable,
    unlock_estimated_at: b.unlockEstimatedAt,
    unlock_delay_blocks: b.unlockDelayBlocks,
    finalized: {
      height: b.finalized.height,
      amount: fromMicro(b.finalized.amountMicro),
      amount_micro: b.finalized.amountMicro.toString(),
      status: b.finalized.status,
      unlock_height: b.finalized.unlockHeight,
    },
  };
}

function bondTxBody(r: BondTxResult) {
  return {
    type: r.type,
    address: r.address,
    amount: fromMicro(r.amountMicro),
    amount_micro: r.amountMicro.toString(),
    tx_hash: r.txHash,
    block_height: r.blockHeight,
    bond: bondBody(r.bond),
  };
}
