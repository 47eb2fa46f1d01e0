// Signs the caller's deposit transactions with their custodial key and answers once a block has
// them. The chain's own rules are checked first against the head, so the usual mistakes (too
// little balance, a release before the unlock height, a withdrawal already running) are answered
// with what to do next and sign nothing; the chain's refusal stays the final word in a race.
import {
  depositLockTx,
  depositReleaseTx,
  depositWithdrawTx,
  formatAitbc,
  type ChainTxContext,
  type SignedTx,
} from "@aitbc/sdk";
import {
  ChainRejected,
  Conflict,
  GatewayTimeout,
  InsufficientFunds,
  ValidationFailed,
} from "@aitbc/server-lib";
import type { Caller } from "@aitbc/server-lib";
import type { ChainAccount } from "../chain/chain-gateway.js";
import type { CustodialAccount } from "../keys/keystore.js";
import type { WalletContext } from "../wallet-context.js";
import { rejectionToAppError } from "../chain/rejection-errors.js";
import { custodialAccountOf } from "../wallet/caller-account.js";
import { depositOfAddress, type DepositView } from "./deposit-view.js";

type DepositTxType = "deposit_lock" | "deposit_withdraw" | "deposit_release";

export interface DepositTxResult {
  type: DepositTxType;
  address: string;
  amountMicro: bigint;
  txHash: string;
  blockHeight: number;
  /** The deposit as of the head once the tx is in a block. */
  deposit: DepositView;
}

export class DepositTransactions {
  constructor(private readonly ctx: WalletContext) {}

  async lock(caller: Caller, amountMicro: bigint): Promise<DepositTxResult> {
    const account = await this.customer(caller);
    const { minLockMicro } = await this.ctx.chain.depositRules();
    if (amountMicro < minLockMicro)
      throw ValidationFailed.field(
        "body.amount",
        `is below this chain's smallest deposit lock of ${formatAitbc(minLockMicro)} AITBC`,
      );
    const txHash = await this.submit(
      account,
      (c) => depositLockTx(c, amountMicro),
      (state) => {
        if (state.balanceMicro < amountMicro)
          throw new InsufficientFunds(
            `The balance of ${account.address} is ${formatAitbc(state.balanceMicro)} AITBC; the deposit needs ${formatAitbc(amountMicro)} AITBC. Add funds, then lock again.`,
          );
      },
    );
    return this.finish("deposit_lock", account, txHash, amountMicro);
  }

  async withdraw(caller: Caller): Promise<DepositTxResult> {
    const account = await this.customer(caller);
    const before = await depositOfAddress(this.ctx, account.address);
    if (before.status === "none")
      throw new Conflict("conflict", `${account.address} has no deposit to withdraw.`);
    if (before.status === "withdrawing")
      throw new Conflict(
        "withdrawal_pending",
        `The deposit of ${account.address} is already being withdrawn: release it from block ${before.unlockHeight} on (the head is ${before.height}).`,
        { unlock_height: before.unlockHeight, height: before.height },
      );
    const txHash = await this.submit(account, depositWithdrawTx);
    return this.finish("deposit_withdraw", account, txHash);
  }

  async release(caller: Caller): Promise<DepositTxResult> {
    const account = await this.customer(caller);
    const before = await depositOfAddress(this.ctx, account.address);
    if (before.status === "none")
      throw new Conflict("conflict", `${account.address} has no deposit to release.`);
    if (before.status === "active")
      throw new Conflict(
        "withdrawal_not_started",
        `The deposit of ${account.address} is not being withdrawn: withdraw first, then release once the delay of ${before.withdrawDelayBlocks} blocks has passed.`,
      );
    if (!before.releasable)
      throw new Conflict(
        "withdrawal_pending",
        `The deposit of ${account.address} unlocks at block ${before.unlockHeight} (the head is ${before.height}, about ${before.unlockEstimatedAt}); release it then.`,
        { unlock_height: before.unlockHeight, height: before.height },
      );
    const txHash = await this.submit(account, depositReleaseTx);
    return this.finish("deposit_release", account, txHash);
  }

  private customer(caller: Caller): Promise<CustodialAccount> {
    return custodialAccountOf(this.ctx.keystore, caller, ["customer", "admin"]);
  }

  private async submit<T extends DepositTxType>(
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
    type: DepositTxType,
    account: CustodialAccount,
    txHash: string,
    lockedMicro?: bigint,
  ): Promise<DepositTxResult> {
    let inclusion;
    try {
      inclusion = await this.ctx.inclusions.wait(txHash, this.ctx.confirmTimeoutMs);
    } catch (err) {
      if (err instanceof ChainRejected) throw rejectionToAppError(err);
      throw err;
    }
    if (!inclusion.included)
      throw new GatewayTimeout(
        `The ${type} ${txHash} was submitted but no block included it within ${Math.round(this.ctx.confirmTimeoutMs / 1000)} s. Check the deposit before trying again.`,
      );
    const [amountMicro, deposit] = await Promise.all([
      lockedMicro ?? this.ctx.chain.movedAmount(txHash),
      depositOfAddress(this.ctx, account.address),
    ]);
    return {
      type,
      address: account.address,
      amountMicro,
      txHash,
      blockHeight: inclusion.blockHeight,
      deposit,
    };
  }
}
