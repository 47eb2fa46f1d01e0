// Signs the caller's provider-bond transactions with their custodial key and answers once a block
// has them. As with deposits, the chain's rules are checked first against the head, so the usual
// mistakes (too little balance, a release before the unlock height, an unlock already running)
// are answered with what to do next and sign nothing; the chain's refusal stays the final word in
// a race.
import {
  bondLockTx,
  bondReleaseTx,
  bondUnlockTx,
  formatAitbc,
  type ChainTxContext,
  type SignedTx,
} from "@aitbc/sdk";
import { ChainRejected, Conflict, GatewayTimeout, InsufficientFunds } from "@aitbc/server-lib";
import type { Caller } from "@aitbc/server-lib";
import type { ChainAccount } from "../chain/chain-gateway.js";
import type { CustodialAccount } from "../keys/keystore.js";
import type { WalletContext } from "../wallet-context.js";
import { rejectionToAppError } from "../chain/rejection-errors.js";
import { custodialAccountOf } from "../wallet/caller-account.js";
import { bondOfAddress, type BondView } from "./bond-view.js";

type BondTxType = "bond_lock" | "bond_unlock" | "bond_release";

export interface BondTxResult {
  type: BondTxType;
  address: string;
  amountMicro: bigint;
  txHash: string;
  blockHeight: number;
  /** The bond as of the head once the tx is in a block. */
  bond: BondView;
}

export class BondTransactions {
  constructor(private readonly ctx: WalletContext) {}

  async lock(caller: Caller, amountMicro: bigint): Promise<BondTxResult> {
    const account = await this.provider(caller);
    const txHash = await this.submit(
      account,
      (c) => bondLockTx(c, amountMicro),
      (state) => {
        if (state.balanceMicro < amountMicro)
          throw new InsufficientFunds(
            `The balance of ${account.address} is ${formatAitbc(state.balanceMicro)} AITBC; the bond needs ${formatAitbc(amountMicro)} AITBC. Add funds, then lock again.`,
          );
      },
    );
    return this.finish("bond_lock", account, txHash, amountMicro);
  }

  async unlock(caller: Caller): Promise<BondTxResult> {
    const account = await this.provider(caller);
    const before = await bondOfAddress(this.ctx, account.address);
    if (before.status === "none")
      throw new Conflict("conflict", `${account.address} has no bond to unlock.`);
    if (before.status === "unlocking")
      throw new Conflict(
        "bond_unlock_pending",
        `The bond of ${account.address} is already being unlocked: release it from block ${before.unlockHeight} on (the head is ${before.height}).`,
        { unlock_height: before.unlockHeight, height: before.height },
      );
    const txHash = await this.submit(account, bondUnlockTx);
    return this.finish("bond_unlock", account, txHash);
  }

  async release(caller: Caller): Promise<BondTxResult> {
    const account = await this.provider(caller);
    const before = await bondOfAddress(this.ctx, account.address);
    if (before.status === "none")
      throw new Conflict("conflict", `${account.address} has no bond to release.`);
    if (before.status === "active")
      throw new Conflict(
        "bond_unlock_not_started",
        `The bond of ${account.address} is not being unlocked: unlock first, then release once the delay of ${before.unlockDelayBlocks} blocks has passed.`,
      );
    if (!before.releasable)
      throw new Conflict(
        "bond_unlock_pending",
        `The bond of ${account.address} unlocks at block ${before.unlockHeight} (the head is ${before.height}, about ${before.unlockEstimatedAt}); release it then.`,
        { unlock_height: before.unlockHeight, height: before.height },
      );
    const txHash = await this.submit(account, bondReleaseTx);
    return this.finish("bond_release", account, txHash);
  }

  private provider(caller: Caller): Promise<CustodialAccount> {
    return custodialAccountOf(this.ctx.keystore, caller, ["provider", "admin"]);
  }

  private async submit<T extends BondTxType>(
    account: CustodialAccount,
    build: (c: ChainTxContext) => SignedTx<T>,
    precheck?: (state: ChainAccount) => void,
  ): Promise<string> {
    try {
      const signed = await this.ctx.signer.buildAndSubmit(
        account,
        build,
        precheck ? { precheck } : {},
      );
      return signed.txHash;
    } catch (err) {
      throw rejectionToAppError(err);
    }
  }

  private async finish(
    type: BondTxType,
    account: CustodialAccount,
    txHash: string,
    lockedMicro?: bigint,
  ): Promise<BondTxResult> {
    let inclusion;
    try {
      inclusion = await this.ctx.inclusions.wait(txHash, this.ctx.confirmTimeoutMs);
    } catch (err) {
      if (err instanceof ChainRejected) throw rejectionToAppError(err);
      throw err;
    }
    if (!inclusion.included)
      throw new GatewayTimeout(
        `The ${type} ${txHash} was submitted but no block included it within ${Math.round(this.ctx.confirmTimeoutMs / 1000)} s. Check the bond before trying again.`,
      );
    const [amountMicro, bond] = await Promise.all([
      lockedMicro ?? this.ctx.chain.movedAmount(txHash),
      bondOfAddress(this.ctx, account.address),
    ]);
    return {
      type,
      address: account.address,
      amountMicro,
      txHash,
      blockHeight: inclusion.blockHeight,
      bond,
    };
  }
}
