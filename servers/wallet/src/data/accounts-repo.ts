import { isUniqueViolation, type Knex } from "@aitbc/server-lib";
import type { AccountRow, AccountStore } from "../domain/keys/account-store.js";

export class AccountsRepo implements AccountStore {
  constructor(private readonly db: Knex) {}

  async findById(accountId: string): Promise<AccountRow | undefined> {
    const row = await this.db("wallet_accounts").where({ account_id: accountId }).first();
    return row ? toAccount(row) : undefined;
  }

  /** Inserts the account; returns false when the id (or address) already exists. */
  async insert(account: AccountRow): Promise<boolean> {
    try {
      await this.db("wallet_accounts").insert({
        account_id: account.accountId,
        address: account.address,
        public_key: account.publicKey,
        secret_nonce: account.sealed.nonce,
        secret_ciphertext: account.sealed.ciphertext,
        created_at: account.createdAt,
      });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }
}

function toAccount(row: Record<string, string>): AccountRow {
  return {
    accountId: row.account_id!,
    address: row.address!,
    publicKey: row.public_key!,
    sealed: { nonce: row.secret_nonce!, ciphertext: row.secret_ciphertext! },
    createdAt: row.created_at!,
  };
}
