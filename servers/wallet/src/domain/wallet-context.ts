import type { InclusionWatcher } from "@aitbc/server-lib";
import type { ChainGateway } from "./chain/chain-gateway.js";
import type { TxSigner } from "./chain/tx-signer.js";
import type { EscrowLockStore } from "./escrow/escrow-lock-store.js";
import type { Keystore } from "./keys/keystore.js";
import type { TransferStore } from "./wallet/transfer-store.js";

/** Everything the wallet's use cases work with. */
export interface WalletContext {
  keystore: Keystore;
  chain: ChainGateway;
  signer: TxSigner;
  inclusions: InclusionWatcher;
  escrowLocks: EscrowLockStore;
  transfers: TransferStore;
  /** How long a transfer or escrow lock waits for a block. */
  confirmTimeoutMs: number;
}
