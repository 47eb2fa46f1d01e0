// The production directory: the coordinator owns accounts, so a service forwards the caller's key
// to its GET /v1/me. Unknown key there: 401 here. Coordinator down: 503 here, never a guess.
import {
  AuthenticationError,
  PermissionError,
  AitbcError,
  createAitbcClient,
  type AitbcClient,
} from "@aitbc/sdk";
import { Unauthorized, Unavailable } from "../errors.js";
import type { AccountCaller, AccountDirectory, DirectoryCaller, Role } from "./caller.js";

const ROLES: readonly Role[] = ["customer", "provider", "admin"];

export function coordinatorDirectory(coordinatorUrl: string): AccountDirectory {
  // One retry only: the caller is waiting, and the SDK's backoff would otherwise add seconds.
  const base: AitbcClient = createAitbcClient({ coordinatorUrl, http: { retries: 1 } });
  return {
    async whoIs(apiKey): Promise<DirectoryCaller> {
      let me;
      try {
        me = await base.coordinator.getMe({ headers: { "X-API-Key": apiKey } });
      } catch (err) {
        if (err instanceof AuthenticationError || err instanceof PermissionError)
          throw new Unauthorized();
        const why = err instanceof AitbcError ? err.code : "error";
        throw new Unavailable(
          `The coordinator could not check the API key (${why}). Retry shortly.`,
        );
      }
      // The platform admin key forwarded by a service that was not given it: platform powers, but
      // only because the coordinator says so, never because of `role: admin` alone.
      if (me.platform_admin === true) return { kind: "admin-key", role: "admin" };
      if (!ROLES.includes(me.role as Role))
        throw new Unavailable(`The coordinator answered an unknown role "${me.role}".`);
      const caller: AccountCaller = {
        kind: "account",
        id: me.id,
        role: me.role as Role,
        tenantId: me.tenant_id,
        address: me.address ?? null,
      };
      return caller;
    },
  };
}
