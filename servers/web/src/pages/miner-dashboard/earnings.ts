// Providers' earnings, summed exactly (bigint micro-AITBC) from the signed receipts of settled
// jobs: a receipt's cost is what the settlement paid its provider.
import type { CoordinatorTypes, AitbcClient } from "@aitbc/sdk";

export interface ProviderEarnings {
  providerId: string;
  jobs: number;
  earnedMicro: bigint;
  lastAt: string;
}

export interface EarningsSummary {
  byProvider: ProviderEarnings[];
  receiptsRead: number;
  /** More receipts exist than were read. */
  truncated: boolean;
}

const PAGE = 100;
const MAX_PAGES = 5;

export async function loadEarnings(client: AitbcClient): Promise<EarningsSummary> {
  const entries: CoordinatorTypes.ReceiptEntry[] = [];
  let cursor: string | undefined;
  let truncated = false;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await client.coordinator.listReceipts({
      query: { limit: PAGE, ...(cursor ? { cursor } : {}) },
    });
    entries.push(...page.receipts);
    cursor = page.page.next_cursor ?? undefined;
    if (!cursor) break;
    truncated = i === MAX_PAGES - 1;
  }
  const by = new Map<string, ProviderEarnings>();
  for (const e of entries) {
    if (!e.payment_tx_hash) continue;
    const r = e.receipt;
    const p = by.get(r.provider_id) ?? {
      providerId: r.provider_id,
      jobs: 0,
      earnedMicro: 0n,
      lastAt: r.completed_at,
    };
    p.jobs++;
    p.earnedMicro += BigInt(r.cost);
    if (r.completed_at > p.lastAt) p.lastAt = r.completed_at;
    by.set(r.provider_id, p);
  }
  return {
    byProvider: [...by.values()].sort((a, b) => (a.earnedMicro < b.earnedMicro ? 1 : -1)),
    receiptsRead: entries.length,
    truncated,
  };
}
