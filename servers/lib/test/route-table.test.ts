// registerRoutes on a real server (port 0): what a handler returns is what the client gets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  NotFound,
  REPLY_HANDLED,
  createBaseApp,
  createLogger,
  declaredReply,
  finishApp,
  listen,
  registerRoutes,
  type RouteTable,
  type RunningServer,
} from "../src/index.js";

interface Item {
  id: string;
  limit: number | null;
}

interface Ops {
  getItem: {
    data: { path: { item_id: string }; query?: { limit?: number } };
    responses: { 200: Item };
  };
  getLatestItem: { data: { body?: never }; responses: { 200: Item } };
  createItem: { data: { body: { id: string; stored: number } }; responses: { 201: Item } };
  takeItem: { data: { body?: { gone?: boolean } }; responses: { 200: Item; 204: void } };
}

// The parameter route comes first here: registerRoutes must still route `latest` to its own.
const table: RouteTable<Ops> = {
  getItem: { method: "get", path: "/items/:item_id" },
  getLatestItem: { method: "get", path: "/items/latest" },
  createItem: { method: "post", path: "/items" },
  takeItem: { method: "post", path: "/items/take" },
};

let server: RunningServer;

beforeAll(async () => {
  const logger = createLogger("route-table-test", "silent");
  const app = createBaseApp({ logger, spec: "coordinator", validation: false });
  registerRoutes(app, table, {
    getItem: ({ path, query }) => {
      if (path.item_id === "missing") throw new NotFound("No such item.");
      return { status: 200, body: { id: path.item_id, limit: Number(query.limit ?? 0) } };
    },
    getLatestItem: () => ({ status: 200, body: { id: "latest", limit: null } }),
    createItem: async ({ body }, { req }) => ({
      ...declaredReply({ status: body.stored, body: { id: body.id, limit: null } }, [201]),
      headers: { Location: `/items/${body.id}`, "X-Key": req.get("Idempotency-Key") ?? "none" },
    }),
    takeItem: async ({ body }, { res }) => {
      if (body?.gone) {
        res.status(202).json({ answered: "by hand" });
        return REPLY_HANDLED;
      }
      return { status: 204 };
    },
  });
  finishApp(app, logger);
  server = await listen(app, { port: 0 });
});
afterAll(() => server.close());

describe("registerRoutes", () => {
  it("passes path and query to the handler and sends its body", async () => {
    const res = await fetch(`${server.url}/items/abc?limit=5`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: "abc", limit: 5 });
  });

  it("routes a literal segment before a parameter at the same place", async () => {
    const res = await fetch(`${server.url}/items/latest`);
    expect(await res.json()).toEqual({ id: "latest", limit: null });
  });

  it("sends the reply's status and headers", async () => {
    const res = await fetch(`${server.url}/items`, {
      method: "POST",
      headers: { "content-type": "application/json", "Idempotency-Key": "k1" },
      body: JSON.stringify({ id: "new", stored: 201 }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe("/items/new");
    expect(res.headers.get("x-key")).toBe("k1");
    expect(await res.json()).toEqual({ id: "new", limit: null });
  });

  it("answers a status the operation does not declare with a 500, not the status", async () => {
    const res = await fetch(`${server.url}/items`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: "new", stored: 200 }),
    });
    expect(res.status).toBe(500);
    expect(res.headers.get("location")).toBeNull();
  });

  it("sends an empty 204 and leaves a handled reply alone", async () => {
    const empty = await fetch(`${server.url}/items/take`, { method: "POST" });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe("");
    const byHand = await fetch(`${server.url}/items/take`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ gone: true }),
    });
    expect(byHand.status).toBe(202);
    expect(await byHand.json()).toEqual({ answered: "by hand" });
  });

  it("turns a thrown AppError into its problem", async () => {
    const res = await fetch(`${server.url}/items/missing`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe("not_found");
  });

  it("refuses a table operation without a handler when mounting", () => {
    const app = createBaseApp({
      logger: createLogger("route-table-test", "silent"),
      spec: "coordinator",
      validation: false,
    });
    expect(() =>
      registerRoutes(app, table, {
        // A handler lost at run time (the types would not let this through as a literal).
        ...({} as Parameters<typeof registerRoutes<Ops>>[2]),
      }),
    ).toThrow(/no handler for operation/);
  });
});
