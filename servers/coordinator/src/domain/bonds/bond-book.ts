// Providers' bonds as the marketplace uses them: the bond a service card shows, whether it meets
// the coordinator's minimum to list, and the check that refuses a listing without one. Reads are
// cached for a few seconds, since every browse and every match would otherwise ask the node once
// per provider; a refusal is always re-checked against a fresh read, so a provider that has just
// locked a bond is not turned away by a stale zero.
import { formatAitbc, fromMicro } from "@aitbc/sdk";
import { Unprocessable, type Logger } from "@aitbc/server-lib";
import type { AccountStore } from "../accounts/account-store.js";
import type { BondReader } from "./bond-reader.js";

export interface ProviderBond {
  /** What the provider's active bond holds; an unlocking bond counts as none. */
  amountMicro: bigint;
  meetsMinimum: boolean;
}

const FRESH_MS = 3000;

export class BondBook {
  private readonly cache = new Map<string, { amountMicro: bigint; at: number }>();

  constructor(
    private readonly reader: BondReader | undefined,
    private readonly accounts: AccountStore,
    /** The coordinator's minimum to list (0: none). */
    readonly minimumMicro: bigint,
    private readonly logger: Logger,
  ) {}

  /** The bonds of these providers; a node that cannot answer leaves the last known amounts. */
  async ofProviders(providerIds: readonly string[]): Promise<Map<string, ProviderBond>> {
    const unique = [...new Set(providerIds)];
    const amounts = await Promise.all(unique.map((id) => this.cachedAmount(id)));
    return new Map(unique.map((id, i) => [id, this.describe(amounts[i]!)]));
  }

  /** Throws 422 bond_required unless the provider's bond, read now, meets the minimum. */
  async requireMinimum(providerId: string): Promise<void> {
    if (this.minimumMicro === 0n) return;
    const amountMicro = await this.freshAmount(providerId);
    if (amountMicro >= this.minimumMicro) return;
    const min = formatAitbc(this.minimumMicro);
    throw new Unprocessable(
      "bond_required",
      `Listing a service here needs an active provider bond of at least ${min} AITBC; ${providerId} has ${formatAitbc(amountMicro)} AITBC. Post one with: aitbc bond lock ${formatAitbc(this.minimumMicro - amountMicro)}`,
      { min_bond: fromMicro(this.minimumMicro), bond: fromMicro(amountMicro) },
    );
  }

  describe(amountMicro: bigint): ProviderBond {
    return { amountMicro, meetsMinimum: amountMicro >= this.minimumMicro };
  }

  private async cachedAmount(providerId: string): Promise<bigint> {
    const hit = this.cache.get(providerId);
    if (hit && Date.now() - hit.at < FRESH_MS) return hit.amountMicro;
    try {
      return await this.freshAmount(providerId);
    } catch (err) {
      // Browsing and matching go on with what was last read (or no bond) rather than fail.
      this.logger.warn({ err, providerId }, "could not read a provider's bond");
      return hit?.amountMicro ?? 0n;
    }
  }

  private async freshAmount(providerId: string): Promise<bigint> {
    if (!this.reader) return 0n;
    const account = await this.accounts.byId(providerId);
    if (!account) return 0n;
    const bond = await this.reader.bondOf(account.address);
    const amountMicro = bond.status === "active" ? bond.amountMicro : 0n;
    this.cache.set(providerId, { amountMicro, at: Date.now() });
    return amountMicro;
  }
}
