// Which API key a call uses. An operation may name its role with `x-aitbc-role` (admin, provider,
// customer, any); otherwise the role follows from its path and tags as the services define them
// (HACKING.md): admin paths, the faucet and wallet account creation need the admin key; service
// management and the miner protocol need a provider; everything else is done as a customer.
import type { Operation } from "../spec/operations.js";

export type Role = "admin" | "provider" | "customer";

export interface Credentials {
  /** Used for every role without its own key. */
  apiKey?: string;
  adminKey?: string;
  providerKey?: string;
  customerKey?: string;
}

export function roleFor(op: Operation): Role | undefined {
  if (op.security.length === 0) return undefined;
  const declared = op.extensions["x-aitbc-role"];
  if (declared === "admin" || declared === "provider" || declared === "customer") return declared;
  const tags = new Set(op.tags);
  if (op.path.includes("/admin/") || tags.has("admin") || tags.has("faucet")) return "admin";
  if (op.path.endsWith("/wallet/accounts")) return "admin";
  if (tags.has("miners")) return "provider";
  if (tags.has("services") && op.method !== "GET" && !op.path.endsWith("/rate")) return "provider";
  return "customer";
}

export function keyFor(op: Operation, credentials: Credentials): string | undefined {
  const role = roleFor(op);
  if (!role) return undefined;
  const own =
    role === "admin"
      ? credentials.adminKey
      : role === "provider"
        ? credentials.providerKey
        : credentials.customerKey;
  return own ?? credentials.apiKey;
}

/** Any non-empty key satisfies a mock, which checks only that the header is present. */
export const MOCK_CREDENTIALS: Credentials = { apiKey: "conformance-mock-key" };
