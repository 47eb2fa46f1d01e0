// Who is calling: a coordinator account (resolved from its API key) or the platform admin (the
// stack's admin key). An account with the admin role is a tenant admin: it administers its own
// tenant on the coordinator, and has no platform powers in the wallet or the exchange.
export type Role = "customer" | "provider" | "admin";

export interface AccountCaller {
  kind: "account";
  id: string;
  role: Role;
  tenantId: string;
  /** The account's chain address as the coordinator knows it (null if it has none yet). */
  address: string | null;
}

export interface AdminKeyCaller {
  kind: "admin-key";
  role: "admin";
}

export type Caller = AccountCaller | AdminKeyCaller;

/** What a directory answers: an account, or the platform admin when the key is the platform's. */
export type DirectoryCaller = Caller;

/** Turns an API key into a caller. Throws Unauthorized for unknown keys, Unavailable when it cannot tell. */
export interface AccountDirectory {
  whoIs(apiKey: string): Promise<DirectoryCaller>;
}

export function isPlatformAdmin(caller: Caller): caller is AdminKeyCaller {
  return caller.kind === "admin-key";
}
