// Who is calling, and what that caller may see. Domain code takes a Caller, never a request.
import { Forbidden } from "@aitbc/server-lib";
import type { Role } from "./account-store.js";

export type { Role };

export interface Caller {
  id: string;
  name: string;
  role: Role;
  tenantId: string;
  /** null for the platform admin key, which is not an account. */
  address: string | null;
  /** The platform admin (AITBC_ADMIN_API_KEY) sees every tenant. */
  platformAdmin: boolean;
  /** The caller's own key, kept in memory for calls made on its behalf (the escrow lock). */
  apiKey: string;
  /** The id of that key in api_keys; null for the platform admin key. */
  keyId: string | null;
}

export const PLATFORM_ADMIN_ID = "admin";
export const PLATFORM_TENANT = "platform";
export const DEFAULT_TENANT = "default";

export function requireRole(caller: Caller, ...roles: Role[]): void {
  if (!roles.includes(caller.role)) {
    throw new Forbidden(
      `This operation needs the ${roles.join(" or ")} role; this key belongs to a ${caller.role}.`,
    );
  }
}

/** The tenant an admin's queries are limited to; undefined means every tenant. */
export function adminScope(caller: Caller): string | undefined {
  return caller.platformAdmin ? undefined : caller.tenantId;
}

/** Whether the caller may read a job (or its receipt): its customer, its provider, or an admin of its tenant. */
export function canSeeJob(
  caller: Caller,
  job: { tenantId: string; customerId: string; providerId: string },
): boolean {
  if (caller.platformAdmin) return true;
  if (caller.role === "admin") return caller.tenantId === job.tenantId;
  return caller.id === job.customerId || caller.id === job.providerId;
}

/** Whether the caller may act for the job's customer (cancel, subscribe to its stream). */
export function actsForCustomer(
  caller: Caller,
  job: { tenantId: string; customerId: string },
): boolean {
  if (caller.platformAdmin) return true;
  if (caller.role === "admin") return caller.tenantId === job.tenantId;
  return caller.id === job.customerId;
}
