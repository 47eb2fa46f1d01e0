import type { Knex } from "@aitbc/server-lib";
import type { AccountRecord, AccountStore, Role } from "../domain/accounts/account-store.js";
import type { Tx } from "../domain/store/transactions.js";
import { firstRow } from "./db-kind.js";
import { knexOf } from "./knex-transactions.js";

function fromRow(r: Record<string, unknown>): AccountRecord {
  return {
    id: String(r.id),
    name: String(r.name),
    role: r.role as Role,
    tenantId: String(r.tenant_id),
    apiKeyHash: String(r.api_key_hash),
    address: String(r.address),
    createdAt: String(r.created_at),
  };
}

/** Accounts found by id, kept: an account row is written once and never changed or deleted. */
const CACHE_MAX = 10_000;

export class AccountsRepo implements AccountStore {
  private readonly byIdCache = new Map<string, AccountRecord>();

  constructor(private readonly db: Knex) {}

  async insert(a: AccountRecord, tx?: Tx): Promise<void> {
    await knexOf(
      tx,
      this.db,
    )("accounts").insert({
      id: a.id,
      name: a.name,
      role: a.role,
      tenant_id: a.tenantId,
      api_key_hash: a.apiKeyHash,
      address: a.address,
      created_at: a.createdAt,
    });
  }

  async byId(id: string, tx?: Tx): Promise<AccountRecord | undefined> {
    const hit = this.byIdCache.get(id);
    if (hit) return hit;
    const r = await firstRow(knexOf(tx, this.db)("accounts").where({ id }));
    if (!r) return undefined;
    const account = fromRow(r);
    if (this.byIdCache.size >= CACHE_MAX) this.byIdCache.clear();
    this.byIdCache.set(id, account);
    return account;
  }

  async countByRole(tenantId?: string): Promise<Record<Role, number>> {
    const q = this.db("accounts").select("role").count({ n: "*" }).groupBy("role");
    if (tenantId) q.where({ tenant_id: tenantId });
    const out: Record<Role, number> = { customer: 0, provider: 0, admin: 0 };
    for (const r of (await q) as Array<{ role: Role; n: unknown }>) out[r.role] = Number(r.n);
    return out;
  }

  async idsOfTenant(tenantId: string, role: Role): Promise<string[]> {
    const rows = await this.db("accounts").where({ tenant_id: tenantId, role }).select("id");
    return rows.map((r: { id: string }) => r.id);
  }
}
