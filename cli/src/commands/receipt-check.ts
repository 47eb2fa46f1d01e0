// Independent receipt verification: the signatures (provider and coordinator, against the
// coordinator's published keys), and that the receipt's hash is the one anchored on the chain by
// the escrow release. Works from public data only: GET /v1/keys and the node's transaction.
import { receiptHash, verifyReceipt, type AitbcClient, type Receipt } from "@aitbc/sdk";

export interface ReceiptCheck {
  job_id: string;
  valid: boolean;
  signatures_valid: boolean;
  anchored: boolean | null;
  errors: string[];
}

export async function checkReceipt(
  client: AitbcClient,
  entry: { job_id: string; receipt: Receipt; receipt_hash: string; payment_tx_hash: string | null },
  coordinatorKeys: string[],
): Promise<ReceiptCheck> {
  const verification = verifyReceipt(entry.receipt, { coordinatorKeys });
  const errors = [...verification.errors];
  const hash = receiptHash(entry.receipt);
  if (hash !== entry.receipt_hash)
    errors.push(`receipt_hash ${entry.receipt_hash} does not match the receipt (${hash})`);
  let anchored: boolean | null = null;
  if (entry.payment_tx_hash) {
    try {
      const tx = await client.node.getTransaction({ body: { tx_hash: entry.payment_tx_hash } });
      const payload = tx.tx.payload as { receipt_hash?: string; job_id?: string };
      anchored =
        tx.status === "confirmed" &&
        tx.type === "escrow_release" &&
        payload.receipt_hash === hash &&
        payload.job_id === entry.job_id;
      if (!anchored)
        errors.push(
          `settlement tx ${entry.payment_tx_hash} does not anchor this receipt (status ${tx.status}, receipt_hash ${payload.receipt_hash ?? "none"})`,
        );
    } catch (err) {
      anchored = false;
      errors.push(
        `settlement tx ${entry.payment_tx_hash} not found on the node: ${(err as Error).message}`,
      );
    }
  }
  return {
    job_id: entry.job_id,
    valid: errors.length === 0,
    signatures_valid: verification.valid,
    anchored,
    errors,
  };
}
