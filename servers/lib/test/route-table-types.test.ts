// The handler types registerRoutes derives from a route table. Checked by the package's
// typecheck (`tsc`, which reads test/): each `@ts-expect-error` below must meet an error, so the
// typecheck fails if the types were loosened (to `any`, or to a status of any number).
import { Router } from "express";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  REPLY_HANDLED,
  declaredReply,
  registerRoutes,
  type RouteHandlers,
  type RouteTable,
} from "../src/index.js";

interface Thing {
  id: string;
  count: number;
}

// The shape hey-api generates: `…Data` with body/path/query, `…Responses` by status.
interface Ops {
  getThing: {
    data: {
      body?: never;
      path: { thing_id: string };
      query?: { limit?: number };
      url: "/things/{thing_id}";
    };
    responses: { 200: Thing };
  };
  createThing: {
    data: { body: { name: string }; path?: never; query?: never; url: "/things" };
    responses: { 200: Thing; 201: Thing };
  };
  claimThing: {
    data: { body?: { wait_s?: number }; path?: never; query?: never; url: "/things/claim" };
    responses: { 200: Thing; 204: void };
  };
}

const table: RouteTable<Ops> = {
  getThing: { method: "get", path: "/things/:thing_id" },
  createThing: { method: "post", path: "/things" },
  claimThing: { method: "post", path: "/things/claim" },
};

const thing: Thing = { id: "t1", count: 1 };

const handlers: RouteHandlers<Ops> = {
  getThing: ({ path, query }) => {
    expectTypeOf(path.thing_id).toEqualTypeOf<string>();
    expectTypeOf(query.limit).toEqualTypeOf<number | undefined>();
    return { status: 200, body: { id: path.thing_id, count: query.limit ?? 0 } };
  },
  createThing: async ({ body }, { req }) => {
    expectTypeOf(body).toEqualTypeOf<{ name: string }>();
    const created = req.get("Idempotency-Key") === undefined;
    return {
      status: created ? 201 : 200,
      body: thing,
      headers: { Location: `/things/${body.name}` },
    };
  },
  claimThing: async ({ body }, { res }) => {
    expectTypeOf(body).toEqualTypeOf<{ wait_s?: number } | undefined>();
    if (res.headersSent) return REPLY_HANDLED;
    return body?.wait_s ? { status: 200, body: thing } : { status: 204 };
  },
};

describe("route table types", () => {
  it("accept a handler per operation with declared answers", () => {
    registerRoutes(Router(), table, handlers);
    expectTypeOf(declaredReply({ status: 201, body: thing }, [200, 201])).toEqualTypeOf<{
      status: 200 | 201;
      body: Thing;
    }>();
  });

  it("refuse a handlers object that misses an operation", () => {
    // @ts-expect-error claimThing has no handler
    const missing: RouteHandlers<Ops> = {
      getThing: handlers.getThing,
      createThing: handlers.createThing,
    };
    // @ts-expect-error registerRoutes wants every operation too
    const mountMissing = () => registerRoutes(Router(), table, { getThing: handlers.getThing });
    expect(mountMissing).toThrow(/no handler for operation/);
    // An operation the table does not have is refused as well.
    registerRoutes(Router(), table, {
      ...missing,
      claimThing: handlers.claimThing,
      // @ts-expect-error deleteThing is not an operation
      deleteThing: handlers.getThing,
    });
  });

  it("refuse a status the operation does not declare", () => {
    const wrong: Pick<RouteHandlers<Ops>, "getThing" | "createThing"> = {
      // @ts-expect-error getThing declares 200 only
      getThing: () => ({ status: 201, body: thing }),
      // @ts-expect-error 202 is not a status of createThing, even from a computed reply
      createThing: async () => declaredReply({ status: 202, body: thing }, [201, 202]),
    };
    expectTypeOf(wrong).not.toBeAny();
  });

  it("refuse a body of the wrong shape", () => {
    const wrong: Pick<RouteHandlers<Ops>, "getThing" | "claimThing" | "createThing"> = {
      // @ts-expect-error count must be a number
      getThing: () => ({ status: 200, body: { id: "t1", count: "1" } }),
      // @ts-expect-error a 200 of claimThing needs its body
      claimThing: async () => ({ status: 200 }),
      // @ts-expect-error a Thing without its count
      createThing: async () => ({ status: 201, body: { id: "t1" } }),
    };
    expectTypeOf(wrong).not.toBeAny();
  });

  it("type the input from the operation, with no casts", () => {
    const h: Pick<RouteHandlers<Ops>, "createThing"> = {
      createThing: async ({ body }) => {
        // @ts-expect-error the body has no such field
        void body.nickname;
        return { status: 201, body: thing };
      },
    };
    expectTypeOf(h).not.toBeAny();
  });
});
