import type { EscrowLocksRepo } from "../data/escrow-locks-repo.js";
import type { TransfersRepo } from "../data/transfers-repo.js";
import type { InclusionWatcher } from "@aitbc/server-lib";
import type { ChainGateway } from "./chain/chain-gateway.js";
import type { TxSigner } from "./chain/tx-signer.js";
import type { Keystore } from "./keys/keystore.js";

/** Everything the wallet's use cases work with. */
export interface WalletContext {
  keystore: Keystore;
  chain: ChainGateway;
  signer: TxSigner;
  inclusions: InclusionWatcher;
  escrowLocks: EscrowLocksRepo;
  transfers: TransfersRepo;
  /** How long a transfer or escrow lock waits for a block. */
  confirmTimeoutMs: number;
}
