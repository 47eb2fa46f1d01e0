// Accounts and their API keys. Keys are shown once and stored as hashes.
import { randomBytes } from "node:crypto";
import {
  Conflict,
  Forbidden,
  Unavailable,
  AppError,
  isUniqueViolation,
  type Logger,
} from "@aitbc/server-lib";
import type { AccountStore, Role } from "./account-store.js";
import type { AddressProvider } from "./address-provider.js";
import type { ApiKeys } from "./api-keys.js";
import { DEFAULT_TENANT, PLATFORM_ADMIN_ID, requireRole, type Caller } from "./caller.js";
import type { Transactions } from "../store/transactions.js";

export interface CreateAccountInput {
  id?: string;
  name: string;
  role: Role;
  tenant_id?: string;
}

export interface CreatedAccount {
  id: string;
  name: string;
  role: Role;
  tenant_id: string;
  api_key: string;
  address: string;
  created_at: string;
}

export class AccountService {
  constructor(
    private readonly transactions: Transactions,
    private readonly accounts: AccountStore,
    private readonly apiKeys: ApiKeys,
    private readonly addresses: AddressProvider,
    private readonly logger: Logger,
  ) {}

  async create(caller: Caller, input: CreateAccountInput): Promise<CreatedAccount> {
    requireRole(caller, "admin");
    if (
      input.tenant_id !== undefined &&
      !caller.platformAdmin &&
      input.tenant_id !== caller.tenantId
    )
      throw new Forbidden("Only the platform admin may create accounts in another tenant.");
    const tenantId = caller.platformAdmin ? (input.tenant_id ?? DEFAULT_TENANT) : caller.tenantId;
    const id = input.id ?? randomBytes(16).toString("hex");
    if (id === PLATFORM_ADMIN_ID || (await this.accounts.byId(id)))
      throw new Conflict("already_exists", `An account with id ${id} already exists.`);
    let address: string;
    try {
      address = await this.addresses.addressFor(id);
    } catch (err) {
      if (err instanceof AppError) throw err;
      this.logger.warn({ err, account_id: id }, "could not get an address for a new account");
      throw new Unavailable(
        "The wallet daemon did not give the new account an address. Retry in a few seconds.",
      );
    }
    const createdAt = new Date().toISOString();
    let apiKey: string;
    try {
      apiKey = await this.transactions.run(async (tx) => {
        const issued = await this.apiKeys.issue(id, input.role, tx);
        await this.accounts.insert(
          {
            id,
            name: input.name,
            role: input.role,
            tenantId,
            apiKeyHash: issued.key.keyHash,
            address,
            createdAt,
          },
          tx,
        );
        return issued.apiKey;
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new Conflict("already_exists", `An account with id ${id} already exists.`);
      throw err;
    }
    return {
      id,
      name: input.name,
      role: input.role,
      tenant_id: tenantId,
      api_key: apiKey,
      address,
      created_at: createdAt,
    };
  }
}
