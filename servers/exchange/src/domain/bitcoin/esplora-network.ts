// BitcoinNetwork over an Esplora REST API (Blockstream's and mempool.space's public APIs, or a
// self-hosted electrs): GET /blocks/tip/height and GET /address/{address}/txs.
//
// /address/{address}/txs answers the mempool transactions and the newest 25 confirmed ones; a
// deposit address is used for one order, so that first page is all there is.
import type { BitcoinNetwork, BitcoinPayment } from "./bitcoin-network.js";

interface EsploraTx {
  txid: string;
  vout: Array<{ scriptpubkey_address?: string; value: number }>;
  status: { confirmed: boolean; block_height?: number };
}

export class BitcoinNetworkError extends Error {}

export function esploraNetwork(
  baseUrl: string,
  options: { timeoutMs?: number } = {},
): BitcoinNetwork {
  const base = baseUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function get(path: string): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(base + path, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new BitcoinNetworkError(`GET ${path}: ${(err as Error).message}`);
    }
    if (!res.ok) throw new BitcoinNetworkError(`GET ${path}: HTTP ${res.status}`);
    return res;
  }

  return {
    async tipHeight() {
      const text = (await (await get("/blocks/tip/height")).text()).trim();
      if (!/^\d+$/.test(text))
        throw new BitcoinNetworkError(`tip height is not a number: ${text.slice(0, 40)}`);
      return Number(text);
    },
    async paymentsTo(address) {
      const txs = (await (
        await get(`/address/${encodeURIComponent(address)}/txs`)
      ).json()) as EsploraTx[];
      const payments: BitcoinPayment[] = [];
      for (const tx of txs) {
        // Satoshi values are integers well below 2^53, so the JSON numbers are exact.
        const sats = tx.vout
          .filter((o) => o.scriptpubkey_address === address)
          .reduce((sum, o) => sum + BigInt(o.value), 0n);
        if (sats === 0n) continue;
        payments.push({
          txid: tx.txid,
          sats,
          blockHeight:
            tx.status.confirmed && tx.status.block_height !== undefined
              ? tx.status.block_height
              : null,
        });
      }
      return payments;
    },
  };
}
