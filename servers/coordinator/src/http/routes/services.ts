import { Router } from "express";
import type { CoordinatorTypes } from "@aitbc/sdk";
import { idempotent } from "@aitbc/server-lib";
import type { CoordinatorContext } from "../../context.js";
import type { Authenticator } from "../auth.js";
import { header, param, qBool, qInt, qNumber, qString } from "../query.js";

export function serviceRoutes(ctx: CoordinatorContext, auth: Authenticator): Router {
  const r = Router();

  r.post("/v1/services/register", async (req, res) => {
    const caller = await auth.require(req);
    const body = req.body as CoordinatorTypes.RegisterServiceData["body"];
    const out = await idempotent(
      ctx.db,
      { scope: `registerService:${caller.id}`, key: header(req, "Idempotency-Key"), body },
      async () => ({ status: 201, body: await ctx.catalog.register(caller, body) }),
    );
    res.status(out.status).json(out.body satisfies CoordinatorTypes.RegisterServiceResponses[201]);
  });

  r.get("/v1/services", async (req, res) => {
    await auth.optional(req);
    const status = qString(req, "status") as "active" | "inactive" | "all" | undefined;
    const limit = qInt(req, "limit", 20);
    const filter = {
      limit,
      ...(qString(req, "type") ? { type: qString(req, "type")! } : {}),
      ...(qNumber(req, "min_price") !== undefined ? { min_price: qNumber(req, "min_price")! } : {}),
      ...(qNumber(req, "max_price") !== undefined ? { max_price: qNumber(req, "max_price")! } : {}),
      ...(qBool(req, "available_now") !== undefined
        ? { available_now: qBool(req, "available_now")! }
        : {}),
      ...(qString(req, "model") ? { model: qString(req, "model")! } : {}),
      ...(qString(req, "framework") ? { framework: qString(req, "framework")! } : {}),
      ...(qString(req, "provider_id") ? { provider_id: qString(req, "provider_id")! } : {}),
      ...(status ? { status } : {}),
      ...(qString(req, "cursor") ? { cursor: qString(req, "cursor")! } : {}),
    };
    const page = await ctx.catalog.list(filter);
    const body: CoordinatorTypes.ServiceList = {
      services: page.services,
      page: { limit, next_cursor: page.next_cursor },
    };
    res.status(200).json(body satisfies CoordinatorTypes.ListServicesResponses[200]);
  });

  r.get("/v1/services/:service_id", async (req, res) => {
    await auth.optional(req);
    const view = await ctx.catalog.get(param(req, "service_id"));
    res.status(200).json(view satisfies CoordinatorTypes.GetServiceResponses[200]);
  });

  r.patch("/v1/services/:service_id", async (req, res) => {
    const caller = await auth.require(req);
    const body = req.body as CoordinatorTypes.UpdateServiceData["body"];
    const view = await ctx.catalog.update(caller, param(req, "service_id"), body);
    res.status(200).json(view satisfies CoordinatorTypes.UpdateServiceResponses[200]);
  });

  r.delete("/v1/services/:service_id", async (req, res) => {
    const caller = await auth.require(req);
    const view = await ctx.catalog.deactivate(caller, param(req, "service_id"));
    res.status(200).json(view satisfies CoordinatorTypes.DeactivateServiceResponses[200]);
  });

  r.post("/v1/services/:service_id/rate", async (req, res) => {
    const caller = await auth.require(req);
    const body = req.body as CoordinatorTypes.RateServiceData["body"];
    const serviceId = param(req, "service_id");
    const out = await idempotent(
      ctx.db,
      { scope: `rateService:${caller.id}:${serviceId}`, key: header(req, "Idempotency-Key"), body },
      async () => ({ status: 201, body: await ctx.reviews.rate(caller, serviceId, body) }),
    );
    res.status(out.status).json(out.body satisfies CoordinatorTypes.RateServiceResponses[201]);
  });

  r.get("/v1/services/:service_id/reviews", async (req, res) => {
    await auth.optional(req);
    const limit = qInt(req, "limit", 20);
    const page = await ctx.reviews.list(param(req, "service_id"), limit, qString(req, "cursor"));
    const body: CoordinatorTypes.ReviewList = {
      reviews: page.reviews,
      page: { limit, next_cursor: page.next_cursor },
    };
    res.status(200).json(body satisfies CoordinatorTypes.ListServiceReviewsResponses[200]);
  });
  return r;
}
