// The caller's deposit as the chain has it, with what a customer needs to plan a withdrawal: whether
// the next block may include the release and about when the unlock height comes.
import type { Caller } from "@aitbc/server-lib";
import type { ChainDeposit, DepositRules } from "../chain/chain-gateway.js";
import type { WalletContext } from "../wallet-context.js";
import { addressToRead } from "../wallet/caller-account.js";

export interface DepositView extends ChainDeposit {
  releasable: boolean;
  unlockEstimatedAt: string | null;
  withdrawDelayBlocks: number;
}

export async function readDeposit(
  ctx: WalletContext,
  caller: Caller,
  requestedAddress?: string,
): Promise<DepositView> {
  const address = await addressToRead(ctx.keystore, caller, requestedAddress);
  return depositOfAddress(ctx, address);
}

export async function depositOfAddress(ctx: WalletContext, address: string): Promise<DepositView> {
  const [deposit, rules] = await Promise.all([
    ctx.chain.getDeposit(address),
    ctx.chain.depositRules(),
  ]);
  return describe(deposit, rules, new Date());
}

function describe(deposit: ChainDeposit, rules: DepositRules, now: Date): DepositView {
  const unlock = deposit.status === "withdrawing" ? deposit.unlockHeight : null;
  const blocksLeft = unlock === null ? 0 : Math.max(0, unlock - deposit.height);
  return {
    ...deposit,
    // The release goes into the next block, so it may be sent once that block reaches the unlock height.
    releasable: unlock !== null && deposit.height + 1 >= unlock,
    unlockEstimatedAt:
      unlock === null
        ? null
        : new Date(now.getTime() + blocksLeft * rules.blockTimeMs).toISOString(),
    withdrawDelayBlocks: rules.withdrawDelayBlocks,
  };
}
