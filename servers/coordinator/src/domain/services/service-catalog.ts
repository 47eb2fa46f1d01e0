// Registering, updating and browsing services.
import { randomBytes } from "node:crypto";
import { Conflict, Forbidden, NotFound, isUniqueViolation } from "@aitbc/server-lib";
import type { CoordinatorTypes } from "@aitbc/sdk";
import type { ServiceRecord, ServiceStore } from "./service-store.js";
import { decodeCursor, encodeCursor } from "../cursor.js";
import { parseAmount } from "../amounts.js";
import { requireRole, type Caller } from "../accounts/caller.js";
import { normalizeAvailability, isAvailableAt } from "./availability.js";
import { parsePricing } from "./pricing.js";
import type { ServiceView, ServiceViews } from "./service-view.js";
import type { MinerPresence } from "../miners/presence.js";
import type { BondBook } from "../bonds/bond-book.js";

type Registration = CoordinatorTypes.ServiceRegistration;
type Update = CoordinatorTypes.ServiceUpdate;

export interface ServiceFilter {
  type?: string;
  min_price?: number;
  max_price?: number;
  /** AITBC: only providers whose active bond holds at least this. */
  min_bond?: number;
  available_now?: boolean;
  model?: string;
  framework?: string;
  provider_id?: string;
  status?: "active" | "inactive" | "all";
  limit: number;
  cursor?: string;
  unit_type?: "gpu_seconds" | "tokens";
  max_price_per_1k_tokens?: number;
  /** Only services whose claimed hardware an online miner has (`false` is no filter). */
  verified_only?: boolean;
}

export class ServiceCatalog {
  constructor(
    private readonly services: ServiceStore,
    private readonly views: ServiceViews,
    private readonly presence: MinerPresence,
    private readonly bonds: BondBook,
  ) {}

  async register(caller: Caller, body: Registration): Promise<ServiceView> {
    requireRole(caller, "provider");
    const price = parsePricing(body.pricing, "body.pricing");
    await this.bonds.requireMinimum(caller.id);
    const now = new Date().toISOString();
    const record: ServiceRecord = {
      serviceId: body.service_id ?? randomBytes(16).toString("hex"),
      providerId: caller.id,
      tenantId: caller.tenantId,
      name: body.name,
      type: body.type,
      description: body.description ?? null,
      specs: body.specs,
      ...price,
      currency: "AITBC",
      ...normalizeAvailability(body.availability),
      status: "active",
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.services.insert(record);
    } catch (err) {
      if (isUniqueViolation(err))
        throw new Conflict(
          "already_exists",
          `A service with id ${record.serviceId} already exists. Choose another service_id.`,
        );
      throw err;
    }
    return (await this.views.render([record]))[0]!;
  }

  async get(serviceId: string): Promise<ServiceView> {
    const s = await this.services.byId(serviceId);
    if (!s) throw new NotFound(`No service with id ${serviceId}.`);
    return (await this.views.render([s]))[0]!;
  }

  async update(caller: Caller, serviceId: string, body: Update): Promise<ServiceView> {
    const s = await this.owned(caller, serviceId);
    const next: ServiceRecord = { ...s, updatedAt: new Date().toISOString() };
    if (body.name !== undefined) next.name = body.name;
    if (body.description !== undefined) next.description = body.description;
    if (body.specs !== undefined) next.specs = body.specs;
    if (body.pricing !== undefined) Object.assign(next, parsePricing(body.pricing, "body.pricing"));
    if (body.availability !== undefined)
      Object.assign(next, normalizeAvailability(body.availability));
    if (body.status !== undefined) next.status = body.status;
    if (s.status !== "active" && next.status === "active")
      await this.bonds.requireMinimum(s.providerId);
    await this.services.update(next);
    return (await this.views.render([next]))[0]!;
  }

  async deactivate(caller: Caller, serviceId: string): Promise<ServiceView> {
    const s = await this.owned(caller, serviceId);
    const next: ServiceRecord =
      s.status === "inactive"
        ? s
        : { ...s, status: "inactive", updatedAt: new Date().toISOString() };
    if (next !== s) await this.services.update(next);
    return (await this.views.render([next]))[0]!;
  }

  private async owned(caller: Caller, serviceId: string): Promise<ServiceRecord> {
    requireRole(caller, "provider", "admin");
    const s = await this.services.byId(serviceId);
    if (!s) throw new NotFound(`No service with id ${serviceId}.`);
    const isOwner = caller.role === "provider" && caller.id === s.providerId;
    const isAdmin =
      caller.role === "admin" && (caller.platformAdmin || caller.tenantId === s.tenantId);
    if (!isOwner && !isAdmin)
      throw new Forbidden(`Only the provider that registered ${serviceId} may change it.`);
    return s;
  }

  /**
   * Browsing. SQL filters what it can (status, type, price, provider, and the model through
   * the index of the models online miners serve); availability and framework are checked here,
   * reading further batches until the page is full so that paging stays stable (ordered by
   * service_id, the cursor is the last id of the page).
   */
  async list(f: ServiceFilter): Promise<{ services: ServiceView[]; next_cursor: string | null }> {
    const now = new Date();
    const after = decodeCursor(f.cursor, ["s"] as const)?.s;
    const page: ServiceView[] = [];
    let lastId = after;
    const batch = Math.max(f.limit * 2, 50);
    const framework = f.framework?.toLowerCase();
    const minBondMicro =
      f.min_bond !== undefined ? parseAmount(f.min_bond, "query.min_bond") : undefined;
    const onlineSince = this.presence.onlineSince(now);
    const servingModel = () => (f.model ? { servedBy: { model: f.model, onlineSince } } : {});
    for (;;) {
      const rows = await this.services.find(
        {
          ...(f.status !== "all" ? { status: f.status ?? "active" } : {}),
          ...(f.type ? { type: f.type } : {}),
          ...(f.provider_id ? { providerId: f.provider_id } : {}),
          ...(f.min_price !== undefined
            ? { minRateMicro: parseAmount(f.min_price, "query.min_price") }
            : {}),
          ...(f.max_price !== undefined
            ? { maxRateMicro: parseAmount(f.max_price, "query.max_price") }
            : {}),
          ...(f.unit_type ? { unitType: f.unit_type } : {}),
          ...(f.max_price_per_1k_tokens !== undefined
            ? {
                maxTokenPriceMicro: parseAmount(
                  f.max_price_per_1k_tokens,
                  "query.max_price_per_1k_tokens",
                ),
              }
            : {}),
          ...(lastId ? { afterServiceId: lastId } : {}),
          ...servingModel(),
        },
        batch,
      );
      const candidates = rows.filter(
        (s) =>
          (f.available_now === undefined || isAvailableAt(s, now) === f.available_now) &&
          (!framework ||
            (s.specs.supported_frameworks ?? []).some((x) => x.toLowerCase() === framework)),
      );
      const views = await this.views.render(candidates, now);
      for (const v of views) {
        if (f.model && !v.models.includes(f.model)) continue;
        if (f.verified_only && !v.hardware.verified) continue;
        if (minBondMicro !== undefined && BigInt(v.bond.amount_micro) < minBondMicro) continue;
        page.push(v);
        if (page.length === f.limit) break;
      }
      if (page.length === f.limit) {
        const last = page[page.length - 1]!.service_id;
        // Only hand out a cursor if something may follow.
        const more = await this.services.find(
          { ...(f.status !== "all" ? { status: f.status ?? "active" } : {}), afterServiceId: last },
          1,
        );
        return { services: page, next_cursor: more.length ? encodeCursor({ s: last }) : null };
      }
      if (rows.length < batch) return { services: page, next_cursor: null };
      lastId = rows[rows.length - 1]!.serviceId;
    }
  }
}
