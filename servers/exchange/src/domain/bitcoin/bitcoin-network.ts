// What the exchange needs to know about Bitcoin: the payments into a deposit address and how deep
// they are. The production adapter reads an Esplora REST API; tests and the dev stack point it at
// the in-repo fake Esplora server, which speaks the same protocol.
export interface BitcoinPayment {
  txid: string;
  /** Satoshis this transaction pays to the address (all its outputs to it). */
  sats: bigint;
  /** Null while in the mempool. */
  blockHeight: number | null;
}

export interface BitcoinNetwork {
  tipHeight(): Promise<number>;
  paymentsTo(address: string): Promise<BitcoinPayment[]>;
}

export function confirmationsOf(payment: BitcoinPayment, tipHeight: number): number {
  return payment.blockHeight === null ? 0 : Math.max(0, tipHeight - payment.blockHeight + 1);
}
