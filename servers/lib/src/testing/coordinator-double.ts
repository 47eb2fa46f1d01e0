// A TEST DOUBLE of the coordinator, implementing only `GET /v1/me` exactly as
// spec/openapi/coordinator.yaml (getMe) defines it, for the tests of services that authenticate
// callers through the coordinator (wallet, exchange). The real coordinator depends on those services
// for its own tests, so it cannot be their dependency. Accounts are registered by the test.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import type { CoordinatorTypes } from "@aitbc/sdk";

export type Me = CoordinatorTypes.Me;

export interface CoordinatorDouble {
  url: string;
  /** Registers an account and returns its new API key. */
  addAccount(me: Omit<Me, "tenant_id" | "name"> & Partial<Pick<Me, "tenant_id" | "name">>): string;
  /** Changes what /v1/me says about a key's account (for example its address). */
  update(apiKey: string, change: Partial<Me>): void;
  /** Forgets a key, as the coordinator does when a key is revoked: /v1/me answers 401 for it. */
  revoke(apiKey: string): void;
  /** How many /v1/me calls arrived (to see the cache at work). */
  readonly calls: number;
  /** Makes /v1/me answer 500 until called with false (a broken coordinator). */
  setBroken(broken: boolean): void;
  close(): Promise<void>;
}

export async function startCoordinatorDouble(): Promise<CoordinatorDouble> {
  const accounts = new Map<string, Me>();
  let calls = 0;
  let broken = false;
  const server: Server = createServer((req, res) => {
    const problem = (status: number, code: string, title: string) => {
      res.writeHead(status, { "Content-Type": "application/problem+json" });
      res.end(JSON.stringify({ type: `https://aitbc.dev/problems/${code}`, title, status, code }));
    };
    if (req.method !== "GET" || req.url !== "/v1/me") return problem(404, "not_found", "Not found");
    calls++;
    if (broken) return problem(500, "internal_error", "Internal error");
    const key = req.headers["x-api-key"];
    const me = typeof key === "string" ? accounts.get(key) : undefined;
    if (!me) return problem(401, "unauthorized", "Missing or invalid API key");
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify(me));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    addAccount(me) {
      const key = `test_${randomBytes(12).toString("hex")}`;
      accounts.set(key, { name: me.id, tenant_id: "default", ...me });
      return key;
    },
    update(apiKey, change) {
      const me = accounts.get(apiKey);
      if (!me) throw new Error("unknown key");
      accounts.set(apiKey, { ...me, ...change });
    },
    revoke(apiKey) {
      accounts.delete(apiKey);
    },
    get calls() {
      return calls;
    },
    setBroken(value) {
      broken = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
