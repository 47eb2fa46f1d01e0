// What the keystore needs from storage for custodial accounts (implemented in
// data/accounts-repo.ts).
import type { SealedSecret } from "./key-sealer.js";

export interface AccountRow {
  accountId: string;
  address: string;
  publicKey: string;
  sealed: SealedSecret;
  createdAt: string;
}

export interface AccountStore {
  findById(accountId: string): Promise<AccountRow | undefined>;
  /** Inserts the account; returns false when the id (or address) already exists. */
  insert(account: AccountRow): Promise<boolean>;
}
