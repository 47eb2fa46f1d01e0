import type { Caller } from "@aitbc/server-lib";
import type { WalletContext } from "../wallet-context.js";
import { addressToRead } from "./caller-account.js";

export interface Balance {
  address: string;
  balanceMicro: bigint;
  lockedMicro: bigint;
  nonce: number;
}

export async function getBalance(
  ctx: WalletContext,
  caller: Caller,
  requestedAddress?: string,
): Promise<Balance> {
  const address = await addressToRead(ctx.keystore, caller, requestedAddress);
  const account = await ctx.chain.getAccount(address);
  return {
    address,
    balanceMicro: account.balanceMicro,
    lockedMicro: account.lockedMicro,
    nonce: account.nonce,
  };
}
