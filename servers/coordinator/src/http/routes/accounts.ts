import { Router } from "express";
import type { CoordinatorTypes } from "@aitbc/sdk";
import { idempotent } from "@aitbc/server-lib";
import type { CoordinatorContext } from "../../context.js";
import type { Authenticator } from "../auth.js";
import { header } from "../query.js";

export function accountRoutes(ctx: CoordinatorContext, auth: Authenticator): Router {
  const r = Router();

  r.get("/v1/me", async (req, res) => {
    const c = await auth.require(req);
    const body: CoordinatorTypes.Me = {
      id: c.id,
      name: c.name,
      role: c.role,
      tenant_id: c.tenantId,
      address: c.address,
      platform_admin: c.platformAdmin,
    };
    res.status(200).json(body satisfies CoordinatorTypes.GetMeResponses[200]);
  });

  r.post("/v1/admin/accounts", async (req, res) => {
    const caller = await auth.require(req);
    const body = req.body as CoordinatorTypes.CreateAccountData["body"];
    const out = await idempotent(
      ctx.db,
      { scope: `createAccount:${caller.id}`, key: header(req, "Idempotency-Key"), body },
      async () => ({ status: 201, body: await ctx.accounts.create(caller, body) }),
    );
    res.status(out.status).json(out.body satisfies CoordinatorTypes.CreateAccountResponses[201]);
  });
  return r;
}
