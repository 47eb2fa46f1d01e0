// Independent receipt verification: the signatures (provider and coordinator, against the
// coordinator's published keys), and that the receipt's hash is anchored on the chain: by the
// escrow release of an escrow-funded job, or, for a deposit-funded job, by the Merkle root of its
// settlement batch (the proof from the coordinator is checked against the root the node reports).
// Works from public data only: GET /v1/keys and the node.
import {
  checkReceiptInclusion,
  receiptHash,
  verifyReceipt,
  type AitbcClient,
  type InclusionFailure,
  type Receipt,
  type ReceiptSettlementProof,
} from "@aitbc/sdk";

export interface ReceiptCheck {
  job_id: string;
  valid: boolean;
  signatures_valid: boolean;
  /** The receipt is anchored on chain; null when there is nothing to check yet. */
  anchored: boolean | null;
  /** For a batched (deposit-funded) receipt: its proof against the anchored batch root. */
  inclusion: {
    batch_id: string;
    leaf_index: number;
    receipts_root: string | null;
    block_height: number | null;
    finalized: boolean;
    proof_valid: boolean;
  } | null;
  errors: string[];
}

const INCLUSION_ERRORS: Record<InclusionFailure, string> = {
  not_anchored: "the node has no settlement batch with this id",
  root_mismatch: "the coordinator reports another Merkle root than the one anchored on chain",
  proof_invalid: "the inclusion proof does not lead from this receipt to the anchored Merkle root",
};

export async function checkReceipt(
  client: AitbcClient,
  entry: {
    job_id: string;
    receipt: Receipt;
    receipt_hash: string;
    payment_tx_hash: string | null;
    settlement?: ReceiptSettlementProof | null;
  },
  coordinatorKeys: string[],
): Promise<ReceiptCheck> {
  const verification = verifyReceipt(entry.receipt, { coordinatorKeys });
  const errors = [...verification.errors];
  const hash = receiptHash(entry.receipt);
  if (hash !== entry.receipt_hash)
    errors.push(`receipt_hash ${entry.receipt_hash} does not match the receipt (${hash})`);
  let anchored: boolean | null = null;
  let inclusion: ReceiptCheck["inclusion"] = null;
  if (entry.settlement) {
    const s = entry.settlement;
    const check = await checkReceiptInclusion(client.node, hash, s);
    inclusion = {
      batch_id: s.batch_id,
      leaf_index: s.leaf_index,
      receipts_root: check.anchored?.receipts_root ?? null,
      block_height: check.anchored?.block_height ?? null,
      finalized: check.anchored?.finalized ?? false,
      proof_valid: check.ok,
    };
    // A batch that is signed but not in a block yet has nothing to check against: not a failure.
    const pending = !check.ok && check.reason === "not_anchored" && s.block_height == null;
    anchored = pending ? null : check.ok;
    if (!check.ok && !pending)
      errors.push(`settlement batch ${s.batch_id}: ${INCLUSION_ERRORS[check.reason]}`);
  } else if (entry.payment_tx_hash) {
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
    inclusion,
    errors,
  };
}
