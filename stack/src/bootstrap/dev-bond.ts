// The dev provider's bond: the dev coordinator asks for a minimum bond to list a service, so the
// dev provider posts one before its service is registered, through the wallet like any provider
// (`aitbc bond lock`). The faucet gives it the AITBC first; a bond already big enough is kept.
import { fromMicro, toMicro, type AitbcClient } from "@aitbc/sdk";
import { ensureFunded } from "./dev-funding.js";

/** The dev coordinator's AITBC_MIN_BOND (AITBC). */
export const DEV_MIN_BOND = 10;
/** What the dev provider keeps in its bond: above the minimum, so one slash does not delist it. */
export const DEV_PROVIDER_BOND = 20;

/** Locks what is missing of the dev provider's bond; returns the AITBC locked (0 when none). */
export async function ensureDevBond(
  admin: AitbcClient,
  provider: AitbcClient,
  address: string,
): Promise<number> {
  const bond = await admin.node.getBond({ path: { address } });
  const held = bond.status === "active" ? BigInt(bond.amount_micro) : 0n;
  const target = toMicro(DEV_PROVIDER_BOND);
  if (held >= target) return 0;
  // An unlocking bond counts as none on the market; a lock tops it up and cancels the unlock.
  const missing = fromMicro(target - held);
  await ensureFunded(admin, address, { floor: missing, topUp: missing });
  await provider.wallet.lockBond({ body: { amount: missing } });
  return missing;
}
