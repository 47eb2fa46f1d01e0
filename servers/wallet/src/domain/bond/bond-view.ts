// The caller's provider bond as the chain has it, with what a provider needs to plan leaving the
// market: whether the next block may include the release and about when the unlock height comes.
import type { Caller } from "@aitbc/server-lib";
import type { BondRules, ChainBond } from "../chain/chain-gateway.js";
import type { WalletContext } from "../wallet-context.js";
import { addressToRead } from "../wallet/caller-account.js";

export interface BondView extends ChainBond {
  releasable: boolean;
  unlockEstimatedAt: string | null;
  unlockDelayBlocks: number;
}

export async function readBond(
  ctx: WalletContext,
  caller: Caller,
  requestedAddress?: string,
): Promise<BondView> {
  const address = await addressToRead(ctx.keystore, caller, requestedAddress);
  return bondOfAddress(ctx, address);
}

export async function bondOfAddress(ctx: WalletContext, address: string): Promise<BondView> {
  const [bond, rules] = await Promise.all([ctx.chain.getBond(address), ctx.chain.bondRules()]);
  return describe(bond, rules, new Date());
}

function describe(bond: ChainBond, rules: BondRules, now: Date): BondView {
  const unlock = bond.status === "unlocking" ? bond.unlockHeight : null;
  const blocksLeft = unlock === null ? 0 : Math.max(0, unlock - bond.height);
  return {
    ...bond,
    // The release goes into the next block, so it may be sent once that block reaches the unlock height.
    releasable: unlock !== null && bond.height + 1 >= unlock,
    unlockEstimatedAt:
      unlock === null
        ? null
        : new Date(now.getTime() + blocksLeft * rules.blockTimeMs).toISOString(),
    unlockDelayBlocks: rules.unlockDelayBlocks,
  };
}
