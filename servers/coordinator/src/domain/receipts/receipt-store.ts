// Stored receipts and the coordinator's receipt keys, and what the use cases need from storage
// (implemented in data/receipts-repo.ts and data/keys-repo.ts).
import type { Receipt } from "@aitbc/sdk";
import type { Tx } from "../store/transactions.js";

export interface ReceiptRecord {
  jobId: string;
  tenantId: string;
  customerId: string;
  providerId: string;
  receiptHash: string;
  receipt: Receipt;
  createdAt: string;
}

export interface ReceiptFilter {
  tenantId?: string;
  customerId?: string;
  providerId?: string;
  jobId?: string;
  before?: { createdAt: string; jobId: string };
}

export interface ReceiptStore {
  insert(tx: Tx, r: ReceiptRecord): Promise<void>;
  byJob(jobId: string): Promise<ReceiptRecord | undefined>;
  list(f: ReceiptFilter, limit: number): Promise<ReceiptRecord[]>;
}

export interface ReceiptKeyRecord {
  keyId: string;
  publicKey: string;
  /** Sealed with the coordinator's sealing key; null for a key from AITBC_RECEIPT_SECRET_KEY. */
  sealedSecret: string | null;
  createdAt: string;
  validFrom: string;
  validUntil: string | null;
}

/** A key kept by an earlier version with its secret in clear, waiting to be sealed. */
export interface LegacyKeyRecord {
  keyId: string;
  publicKey: string;
  secretKey: string;
  createdAt: string;
}

export interface ReceiptKeyStore {
  all(tx?: Tx): Promise<ReceiptKeyRecord[]>;
  /** Inserts unless a key with this id exists (two replicas starting at once keep the first). */
  insertIfAbsent(k: ReceiptKeyRecord, tx?: Tx): Promise<void>;
  /** Ends every current key's window (the one before a rotation). */
  closeCurrent(at: string, tx?: Tx): Promise<void>;
  legacy(tx?: Tx): Promise<LegacyKeyRecord[]>;
  deleteLegacy(keyId: string, tx?: Tx): Promise<void>;
}
