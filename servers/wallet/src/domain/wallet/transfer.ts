// A transfer from the caller's custodial key. The balance check runs inside the signing lock on
// fresh chain state, so an overspend is refused before anything is signed.
import { formatAitbc } from "@aitbc/sdk";
import { InsufficientFunds } from "@aitbc/server-lib";
import type { Caller } from "@aitbc/server-lib";
import type { WalletContext } from "../wallet-context.js";
import { rejectionToAppError } from "../chain/rejection-errors.js";
import { custodialAccountOf } from "./caller-account.js";

export interface TransferResult {
  txHash: string;
  from: string;
  to: string;
  amountMicro: bigint;
  nonce: number;
  status: "confirmed" | "pending";
  blockHeight: number | null;
}

export async function transfer(
  ctx: WalletContext,
  caller: Caller,
  input: { to: string; amountMicro: bigint },
): Promise<TransferResult> {
  const account = await custodialAccountOf(ctx.keystore, caller, ["customer", "provider", "admin"]);
  let submitted;
  try {
    submitted = await ctx.signer.signAndSubmit(
      account,
      "transfer",
      { to: input.to, amount: input.amountMicro.toString() },
      {
        precheck: (state) => {
          if (state.balanceMicro < input.amountMicro)
            throw new InsufficientFunds(
              `The balance of ${account.address} is ${formatAitbc(state.balanceMicro)} AITBC; this transfer needs ${formatAitbc(input.amountMicro)} AITBC.`,
            );
        },
      },
    );
  } catch (err) {
    throw rejectionToAppError(err);
  }
  let inclusion;
  try {
    inclusion = await ctx.inclusions.wait(submitted.txHash, ctx.confirmTimeoutMs);
  } catch (err) {
    throw rejectionToAppError(err);
  }
  return {
    txHash: submitted.txHash,
    from: account.address,
    to: input.to,
    amountMicro: input.amountMicro,
    nonce: submitted.tx.nonce,
    ...(inclusion.included
      ? { status: "confirmed" as const, blockHeight: inclusion.blockHeight }
      : { status: "pending" as const, blockHeight: null }),
  };
}
