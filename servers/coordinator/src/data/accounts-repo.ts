import type { Knex } from "@aitbc/server-lib";
import { firstRow } from "./db-kind.js";

export type Role = "customer" | "provider" | "admin";

export interface AccountRecord {
  id: string;
  name: string;
  role: Role;
  tenantId: string;
  /** The hash of the account's first key; authentication reads api_keys (rotation, revocation). */
  apiKeyHash: string;
  address: string;
  createdAt: string;
}

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

export class AccountsRepo {
  private readonly byIdCache = new Map<string, AccountRecord>();

  constructor(private readonly db: Knex) {}

  async insert(a: AccountRecord, trx: Knex = this.db): Promise<void> {
    await trx("accounts").insert({
      id: a.id,
      name: a.name,
      role: a.role,
      tenant_id: a.tenantId,
      api_key_hash: a.apiKeyHash,
      address: a.address,
      created_at: a.createdAt,
    });
  }

  async byId(id: string, trx: Knex = this.db): Promise<AccountRecord | undefined> {
    const hit = this.byIdCache.get(id);
    if (hit) return hit;
    const r = await firstRow(trx("accounts").where({ id }));
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
}

export async function accountIdsOfTenant(
  db: Knex,
  tenantId: string,
  role: Role,
): Promise<string[]> {
  const rows = await db("accounts").where({ tenant_id: tenantId, role }).select("id");
  return rows.map((r: { id: string }) => r.id);
}
