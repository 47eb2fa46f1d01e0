// paginate() against a scripted server on port 0: it follows next_cursor page by page only as far
// as the loop reads, works for both list envelopes (`services` and `items`), keeps the caller's
// filters on every page, and stops on maxItems, on an abort, and on a server that repeats a cursor.
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import { createAitbcClient } from "../src/client.js";
import type { Service } from "../src/gen/coordinator/types.gen.js";
import type { WalletTransaction } from "../src/gen/wallet/types.gen.js";
import { paginate } from "../src/paging/paginate.js";
import { startLocalServer, type LocalServer } from "./local-server.js";

let server: LocalServer | undefined;
afterEach(async () => server?.close());

/** A list of `total` entries under `key`, `limit` per page, the cursor being the next index. */
async function listServer(key: string, total: number, makeEntry: (i: number) => unknown) {
  server = await startLocalServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const limit = Number(url.searchParams.get("limit") ?? 2);
    const from = Number(url.searchParams.get("cursor") ?? 0);
    const to = Math.min(total, from + limit);
    const entries = Array.from({ length: to - from }, (_, i) => makeEntry(from + i));
    const body: Record<string, unknown> = {
      [key]: entries,
      page: { limit, next_cursor: to < total ? String(to) : null },
    };
    if (key === "items") body.address = "aitbc" + "0".repeat(40);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
  return server;
}

describe("paginate", () => {
  it("walks every page of a coordinator list, keeping the filters on each request", async () => {
    const s = await listServer("services", 5, (i) => ({ service_id: `svc-${i}` }));
    const client = createAitbcClient({ coordinatorUrl: s.url });
    const ids: string[] = [];
    for await (const service of paginate(client.coordinator, "listServices", {
      model: "llama3",
      limit: 2,
    })) {
      expectTypeOf(service).toEqualTypeOf<Service>();
      ids.push(service.service_id);
    }
    expect(ids).toEqual(["svc-0", "svc-1", "svc-2", "svc-3", "svc-4"]);
    expect(s.received.map((r) => r.url)).toEqual([
      "/v1/services?model=llama3&limit=2",
      "/v1/services?model=llama3&limit=2&cursor=2",
      "/v1/services?model=llama3&limit=2&cursor=4",
    ]);
  });

  it("reads an `items` page the same way, and fetches no page the loop does not reach", async () => {
    const s = await listServer("items", 10, (i) => ({ tx_hash: `0x${i}` }));
    const client = createAitbcClient({ walletUrl: s.url, apiKey: "k" });
    const seen: string[] = [];
    for await (const tx of paginate(client.wallet, "listTransactions", { limit: 3 })) {
      expectTypeOf(tx).toEqualTypeOf<WalletTransaction>();
      seen.push(tx.tx_hash);
      if (seen.length === 4) break;
    }
    expect(seen).toEqual(["0x0", "0x1", "0x2", "0x3"]);
    expect(s.received).toHaveLength(2);
  });

  it("stops after maxItems and when its signal aborts", async () => {
    const s = await listServer("services", 9, (i) => ({ service_id: `svc-${i}` }));
    const client = createAitbcClient({ coordinatorUrl: s.url });
    const first: string[] = [];
    for await (const sv of paginate(
      client.coordinator,
      "listServices",
      { limit: 2 },
      { maxItems: 3 },
    ))
      first.push(sv.service_id);
    expect(first).toEqual(["svc-0", "svc-1", "svc-2"]);
    expect(s.received).toHaveLength(2);

    const stop = new AbortController();
    const seen: string[] = [];
    await expect(async () => {
      for await (const sv of paginate(
        client.coordinator,
        "listServices",
        { limit: 2 },
        { signal: stop.signal },
      )) {
        seen.push(sv.service_id);
        if (seen.length === 2) stop.abort();
      }
    }).rejects.toThrow();
    expect(seen).toEqual(["svc-0", "svc-1"]);
  });

  it("offers only list operations, with their own query type", () => {
    const client = createAitbcClient();
    // @ts-expect-error getService answers one service, not a list page
    void (() => paginate(client.coordinator, "getService"));
    // @ts-expect-error listServices has no `status` filter
    void (() => paginate(client.coordinator, "listServices", { status: "queued" }));
    void (() => paginate(client.coordinator, "listJobs", { status: "queued" }));
  });

  it("refuses to loop on a server that hands back the same cursor", async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ services: [{ service_id: "a" }], page: { limit: 1, next_cursor: "x" } }),
      );
    });
    const client = createAitbcClient({ coordinatorUrl: server.url });
    const run = async () => {
      for await (const _ of paginate(client.coordinator, "listServices")) void _;
    };
    await expect(run()).rejects.toThrow(/repeated the cursor x/);
  });
});
