import { declaredReply, idempotent } from "@aitbc/server-lib";
import type { CoordinatorContext } from "../../context.js";
import type { Authenticator } from "../auth.js";
import type { CoordinatorHandlers } from "../routes.gen.js";

export function accountRoutes(
  ctx: CoordinatorContext,
  auth: Authenticator,
): CoordinatorHandlers<
  | "getMe"
  | "createAccount"
  | "listMyKeys"
  | "rotateMyKey"
  | "revokeMyKey"
  | "listAccountKeys"
  | "revokeAccountKey"
> {
  return {
    async getMe(_input, { req }) {
      const c = await auth.require(req);
      return {
        status: 200,
        body: {
          id: c.id,
          name: c.name,
          role: c.role,
          tenant_id: c.tenantId,
          address: c.address,
          platform_admin: c.platformAdmin,
        },
      };
    },

    async createAccount({ body }, { req }) {
      const caller = await auth.require(req);
      const out = await idempotent(
        ctx.db,
        {
          scope: `createAccount:${caller.id}`,
          key: req.get("Idempotency-Key"),
          body,
          sealer: ctx.sealer,
        },
        async () => ({ status: 201, body: await ctx.accounts.create(caller, body) }),
      );
      return declaredReply(out, [201]);
    },

    async listMyKeys(_input, { req }) {
      const keys = await ctx.apiKeys.listOwn(await auth.require(req));
      return { status: 200, body: { keys } };
    },

    async rotateMyKey({ body }, { req }) {
      const caller = await auth.require(req);
      return {
        status: 201,
        body: await ctx.apiKeys.rotate(caller, body?.revoke_current === true),
      };
    },

    async revokeMyKey({ path }, { req }) {
      const caller = await auth.require(req);
      return { status: 200, body: await ctx.apiKeys.revokeOwn(caller, path.key_id) };
    },

    async listAccountKeys({ path }, { req }) {
      const caller = await auth.require(req);
      const keys = await ctx.apiKeys.listFor(caller, path.account_id);
      return { status: 200, body: { keys } };
    },

    async revokeAccountKey({ path }, { req }) {
      const caller = await auth.require(req);
      const key = await ctx.apiKeys.revokeFor(caller, path.account_id, path.key_id);
      return { status: 200, body: key };
    },
  };
}
