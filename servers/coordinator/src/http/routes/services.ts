import { declaredReply, idempotent } from "@aitbc/server-lib";
import type { CoordinatorContext } from "../../context.js";
import type { Authenticator } from "../auth.js";
import { qBool, qInt, qNumber, qString } from "../query.js";
import type { CoordinatorHandlers } from "../routes.gen.js";

export function serviceRoutes(
  ctx: CoordinatorContext,
  auth: Authenticator,
): CoordinatorHandlers<
  | "registerService"
  | "listServices"
  | "getService"
  | "updateService"
  | "deactivateService"
  | "rateService"
  | "listServiceReviews"
> {
  return {
    async registerService({ body }, { req }) {
      const caller = await auth.require(req);
      const out = await idempotent(
        ctx.db,
        { scope: `registerService:${caller.id}`, key: req.get("Idempotency-Key"), body },
        async () => ({ status: 201, body: await ctx.catalog.register(caller, body) }),
      );
      return declaredReply(out, [201]);
    },

    async listServices({ query }, { req }) {
      await auth.optional(req);
      const limit = qInt(query.limit, 20);
      const type = qString(query.type);
      const minPrice = qNumber(query.min_price);
      const maxPrice = qNumber(query.max_price);
      const availableNow = qBool(query.available_now);
      const model = qString(query.model);
      const framework = qString(query.framework);
      const providerId = qString(query.provider_id);
      const cursor = qString(query.cursor);
      const maxTokenPrice = qNumber(query.max_price_per_1k_tokens);
      const verifiedOnly = qBool(query.verified_only);
      const minBond = qNumber(query.min_bond);
      const page = await ctx.catalog.list({
        limit,
        ...(type ? { type } : {}),
        ...(minPrice !== undefined ? { min_price: minPrice } : {}),
        ...(maxPrice !== undefined ? { max_price: maxPrice } : {}),
        ...(availableNow !== undefined ? { available_now: availableNow } : {}),
        ...(model ? { model } : {}),
        ...(framework ? { framework } : {}),
        ...(providerId ? { provider_id: providerId } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.unit_type ? { unit_type: query.unit_type } : {}),
        ...(maxTokenPrice !== undefined ? { max_price_per_1k_tokens: maxTokenPrice } : {}),
        ...(cursor ? { cursor } : {}),
        ...(verifiedOnly !== undefined ? { verified_only: verifiedOnly } : {}),
        ...(minBond !== undefined ? { min_bond: minBond } : {}),
      });
      return {
        status: 200,
        body: { services: page.services, page: { limit, next_cursor: page.next_cursor } },
      };
    },

    async getService({ path }, { req }) {
      await auth.optional(req);
      return { status: 200, body: await ctx.catalog.get(path.service_id) };
    },

    async updateService({ path, body }, { req }) {
      const caller = await auth.require(req);
      return { status: 200, body: await ctx.catalog.update(caller, path.service_id, body) };
    },

    async deactivateService({ path }, { req }) {
      const caller = await auth.require(req);
      return { status: 200, body: await ctx.catalog.deactivate(caller, path.service_id) };
    },

    async rateService({ path, body }, { req }) {
      const caller = await auth.require(req);
      const serviceId = path.service_id;
      const out = await idempotent(
        ctx.db,
        { scope: `rateService:${caller.id}:${serviceId}`, key: req.get("Idempotency-Key"), body },
        async () => ({ status: 201, body: await ctx.reviews.rate(caller, serviceId, body) }),
      );
      return declaredReply(out, [201]);
    },

    async listServiceReviews({ path, query }, { req }) {
      await auth.optional(req);
      const limit = qInt(query.limit, 20);
      const page = await ctx.reviews.list(path.service_id, limit, qString(query.cursor));
      return {
        status: 200,
        body: { reviews: page.reviews, page: { limit, next_cursor: page.next_cursor } },
      };
    },
  };
}
