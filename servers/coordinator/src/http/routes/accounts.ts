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
      {
        scope: `createAccount:${caller.id}`,
        key: header(req, "Idempotency-Key"),
        body,
        sealer: ctx.sealer,
      },
      async () => ({ status: 201, body: await ctx.accounts.create(caller, body) }),
    );
    res.status(out.status).json(out.body satisfies CoordinatorTypes.CreateAccountResponses[201]);
  });

  r.get("/v1/me/keys", async (req, res) => {
    const keys = await ctx.apiKeys.listOwn(await auth.require(req));
    res.status(200).json({ keys } satisfies CoordinatorTypes.ListMyKeysResponses[200]);
  });

  r.post("/v1/me/keys", async (req, res) => {
    const caller = await auth.require(req);
    const body = (req.body ?? {}) as NonNullable<CoordinatorTypes.RotateMyKeyData["body"]>;
    const out = await ctx.apiKeys.rotate(caller, body.revoke_current === true);
    res.status(201).json(out satisfies CoordinatorTypes.RotateMyKeyResponses[201]);
  });

  r.post("/v1/me/keys/:key_id/revoke", async (req, res) => {
    const caller = await auth.require(req);
    const key = await ctx.apiKeys.revokeOwn(caller, String(req.params.key_id));
    res.status(200).json(key satisfies CoordinatorTypes.RevokeMyKeyResponses[200]);
  });

  r.get("/v1/admin/accounts/:account_id/keys", async (req, res) => {
    const caller = await auth.require(req);
    const keys = await ctx.apiKeys.listFor(caller, String(req.params.account_id));
    res.status(200).json({ keys } satisfies CoordinatorTypes.ListAccountKeysResponses[200]);
  });

  r.post("/v1/admin/accounts/:account_id/keys/:key_id/revoke", async (req, res) => {
    const caller = await auth.require(req);
    const key = await ctx.apiKeys.revokeFor(
      caller,
      String(req.params.account_id),
      String(req.params.key_id),
    );
    res.status(200).json(key satisfies CoordinatorTypes.RevokeAccountKeyResponses[200]);
  });
  return r;
}
