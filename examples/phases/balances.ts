// Balances in exact micro-AITBC, read through the wallet daemon the way a user does
// (GET /api/v1/wallet/balance with the account's own key).
import { formatAitbc, type AitbcClient } from "@aitbc/sdk";

export interface Balance {
  spendable: bigint;
  locked: bigint;
}

export async function balanceOf(client: AitbcClient): Promise<Balance> {
  const b = await client.wallet.getBalance();
  return { spendable: BigInt(b.balance_micro), locked: BigInt(b.locked_micro) };
}

export const show = (micro: bigint) => `${formatAitbc(micro)} AITBC`;
