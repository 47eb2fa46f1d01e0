import { Router } from "express";
import type { CoordinatorTypes } from "@aitbc/sdk";
import type { CoordinatorContext } from "../../context.js";
import { providerReputation } from "../../domain/reviews/reputation.js";
import { param } from "../query.js";

export function providerRoutes(ctx: CoordinatorContext): Router {
  const r = Router();
  r.get("/v1/providers/:provider_id/reputation", async (req, res) => {
    const body = await providerReputation(ctx.repos, param(req, "provider_id"));
    res.status(200).json(body satisfies CoordinatorTypes.GetProviderReputationResponses[200]);
  });
  return r;
}
