// Whether a receipt was settled in a settlement batch: its inclusion proof (from the coordinator)
// must lead from the receipt hash to the Merkle root the chain anchored for that batch. The node is
// the authority on the root; a coordinator that reports another root, or a proof that leads
// elsewhere, fails the check.
import { AitbcError } from "../errors.js";
import type { NodeApi } from "../gen/node/sdk.gen.js";
import { verifyMerkleProof, type MerkleStep } from "./merkle.js";

/** A receipt's place in a settlement batch, as the coordinator reports it (`settlement`). */
export interface ReceiptSettlementProof {
  batch_id: string;
  receipts_root: string;
  leaf_index: number;
  proof: readonly MerkleStep[];
  block_height?: number | null;
  tx_hash?: string | null;
}

export type InclusionFailure =
  /** The chain has no batch with this id (not applied yet, or never). */
  | "not_anchored"
  /** The coordinator reported another root than the one the chain anchored. */
  | "root_mismatch"
  /** The proof does not lead from this receipt hash to the anchored root. */
  | "proof_invalid";

export type InclusionResult = { ok: true } | { ok: false; reason: InclusionFailure };

/** Checks `settlement.proof` for `receiptHash` against `anchoredRoot` (the root read from the chain). */
export function verifyReceiptInclusion(
  receiptHash: string,
  settlement: ReceiptSettlementProof,
  anchoredRoot: string,
): InclusionResult {
  if (settlement.receipts_root.toLowerCase() !== anchoredRoot.toLowerCase())
    return { ok: false, reason: "root_mismatch" };
  if (!verifyMerkleProof(receiptHash, settlement.proof, anchoredRoot.toLowerCase()))
    return { ok: false, reason: "proof_invalid" };
  return { ok: true };
}

export interface AnchoredSettlement {
  batch_id: string;
  receipts_root: string;
  tx_hash: string;
  block_height: number;
  finalized: boolean;
}

export type InclusionCheck = InclusionResult & {
  /** The batch as the node reports it; null when the node has none with this id. */
  anchored: AnchoredSettlement | null;
};

/**
 * Reads the batch's anchored root from the node (`getSettlement`) and checks the receipt's proof
 * against it. Errors other than "no such batch" (node down, ...) are thrown.
 */
export async function checkReceiptInclusion(
  node: Pick<NodeApi, "getSettlement">,
  receiptHash: string,
  settlement: ReceiptSettlementProof,
): Promise<InclusionCheck> {
  let anchored: AnchoredSettlement;
  try {
    anchored = await node.getSettlement({ path: { batch_id: settlement.batch_id } });
  } catch (err) {
    if (err instanceof AitbcError && err.status === 404)
      return { ok: false, reason: "not_anchored", anchored: null };
    throw err;
  }
  const view: AnchoredSettlement = {
    batch_id: anchored.batch_id,
    receipts_root: anchored.receipts_root,
    tx_hash: anchored.tx_hash,
    block_height: anchored.block_height,
    finalized: anchored.finalized,
  };
  return { ...verifyReceiptInclusion(receiptHash, settlement, view.receipts_root), anchored: view };
}
