// Where the keystore keeps its key-derivation parameters and passphrase check (implemented in
// data/keystore-repo.ts).
import type { KdfParams, SealedSecret } from "./key-sealer.js";

export interface KeystoreMeta {
  kdf: KdfParams;
  check: SealedSecret;
}

export interface KeystoreStore {
  get(): Promise<KeystoreMeta | undefined>;
  /** Returns false when another process created the keystore first. */
  create(meta: KeystoreMeta): Promise<boolean>;
}
