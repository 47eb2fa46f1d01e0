// What the slash worker needs from the chain. The real one (chain-slash-port.ts) signs `bond_slash`
// with the settlement key through a node; without a node the slashes wait, recorded as pending.
import type { BondSlashInput } from "@aitbc/sdk";

export type SlashTxStanding =
  | { status: "confirmed"; blockHeight: number }
  | { status: "pending" }
  | { status: "rejected"; reason: string }
  | { status: "unknown" };

export interface SlashChainPort {
  /** micro-AITBC in the provider's bond at the head; 0 when it has none. */
  bond(providerAddress: string): Promise<bigint>;
  /** Signs with the settlement key's next nonce and submits; throws ChainRejected when refused. */
  submit(input: BondSlashInput): Promise<string>;
  /** Waits up to `ms` for a block to include the tx; null when none did yet. */
  included(txHash: string, ms: number): Promise<number | null>;
  standing(txHash: string): Promise<SlashTxStanding>;
}
