// Keeps the dev customer able to buy compute: when its balance is below a floor, the dev faucet
// (admin key, dev chains only) tops it up, and we wait until the faucet tx is in a block so the
// first job submitted after `npm start` does not fail for lack of funds.
import { pollUntil, toMicro, type AitbcClient } from "@aitbc/sdk";

export const DEV_CUSTOMER_FLOOR = 100;
export const DEV_CUSTOMER_TOP_UP = 1000;

export async function waitForConfirmation(
  client: AitbcClient,
  txHash: string,
  timeoutMs: number,
): Promise<void> {
  await pollUntil(
    async () => {
      const tx = await client.node
        .getTransaction({ body: { tx_hash: txHash } })
        .catch(() => undefined);
      if (tx?.status === "rejected")
        throw new Error(`The chain rejected faucet tx ${txHash} (${tx.reason}).`);
      return tx?.status === "confirmed" ? true : undefined;
    },
    {
      timeoutMs,
      intervalMs: 200,
      timeoutError: () =>
        new Error(`Faucet tx ${txHash} was not in a block after ${timeoutMs / 1000} s.`),
    },
  );
}

/** Tops the address up to the floor; returns the amount granted (0 when it had enough). */
export async function ensureFunded(
  admin: AitbcClient,
  address: string,
  options: { floor?: number; topUp?: number; timeoutMs?: number } = {},
): Promise<number> {
  const floor = toMicro(options.floor ?? DEV_CUSTOMER_FLOOR);
  const topUp = options.topUp ?? DEV_CUSTOMER_TOP_UP;
  const account = await admin.node.getAccount({ path: { address } });
  if (BigInt(account.balance_micro) >= floor) return 0;
  const grant = await admin.node.requestFaucet({ body: { address, amount: topUp } });
  if (grant.status !== "confirmed")
    await waitForConfirmation(admin, grant.tx_hash, options.timeoutMs ?? 20_000);
  return topUp;
}
