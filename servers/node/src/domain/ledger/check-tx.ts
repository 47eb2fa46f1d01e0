// The checks that do not depend on state: chain id, payload rules and the signature. They run
// once when a transaction enters the mempool and again for every transaction of a foreign block
// (unless the node already verified that exact transaction, which its hash pins down).
import type { SignedTx } from "@aitbc/sdk";
import { verifyTxSignatureFast } from "./fast-verify.js";
import type { LedgerRules } from "./ledger-rules.js";
import { TxRejected } from "./tx-rejected.js";
import { checkPayload } from "./tx-shape.js";

export function checkTxStateless(tx: SignedTx, rules: LedgerRules, signatureKnownGood = false) {
  if (tx.chain_id !== rules.chainId)
    throw new TxRejected(
      "wrong_chain",
      `This transaction is for chain "${tx.chain_id}"; this node runs "${rules.chainId}".`,
    );
  checkPayload(tx.type, tx.payload);
  if (!signatureKnownGood && !verifyTxSignatureFast(tx))
    throw new TxRejected(
      "bad_signature",
      "The signature does not verify, or `from` is not the address of `public_key`.",
    );
}
