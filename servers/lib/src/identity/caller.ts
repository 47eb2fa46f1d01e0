// Who is calling: a coordinator account (resolved from its API key) or the stack's admin key.
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

/** Turns an API key into an account. Throws Unauthorized for unknown keys, Unavailable when it cannot tell. */
export interface AccountDirectory {
  whoIs(apiKey: string): Promise<AccountCaller>;
}
