// Routes typed from the OpenAPI document. scripts/gen.mjs writes each server a table of its
// operations (method, express path, hey-api's request and response types); registerRoutes mounts
// one handler per operation. The handler types come from that table, so a handlers object that
// misses an operation, or a handler that answers with a status or body its operation does not
// declare, fails the typecheck instead of the contract validator at run time.
import type { IRouter, Request, Response } from "express";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** Where one operation lives: its method and its path in express syntax (`/v1/jobs/:job_id`). */
export interface RouteSpec {
  readonly method: HttpMethod;
  readonly path: string;
}

/** One operation's types: hey-api's `…Data` (request) and `…Responses` (status → body). */
export interface OperationTypes {
  data: { body?: unknown; path?: unknown; query?: unknown };
  responses: object;
}

/** Every operation of a document, by operationId. */
export type RouteTable<Ops extends Record<keyof Ops, OperationTypes>> = {
  readonly [K in keyof Ops]: RouteSpec;
};

/** An empty `path` or `query` (the operation has none) reads as an empty object. */
type PartOf<T> = [NonNullable<T>] extends [never] ? Record<string, never> : NonNullable<T>;

/** What a handler gets from the request, typed by the operation's `…Data`. */
export interface RouteInput<Data extends OperationTypes["data"]> {
  /** The JSON body as the contract validator let it through (`undefined` when none was sent). */
  body: Data["body"];
  path: PartOf<Data["path"]>;
  /** Query parameters, already coerced to their schema types by the contract validator. */
  query: PartOf<Data["query"]>;
}

/**
 * The raw request and response, for what the contract does not type: headers (the API key, an
 * Idempotency-Key), watching for a client that hangs up.
 */
export interface RouteContext {
  req: Request;
  res: Response;
}

type ReplyAt<Responses, S extends keyof Responses> = [Responses[S]] extends [void | undefined]
  ? { status: S; body?: undefined; headers?: Record<string, string> }
  : { status: S; body: Responses[S]; headers?: Record<string, string> };

/**
 * An answer the operation declares: one of its statuses with that status's body, plus response
 * headers. A status whose body is empty (204, a redirect) takes no body.
 */
export type Reply<Responses> = {
  [S in keyof Responses & number]: ReplyAt<Responses, S>;
}[keyof Responses & number];

/**
 * What a handler returns when it has dealt with the response itself, or when nobody is left to
 * answer (a long-poll whose client hung up).
 */
export const REPLY_HANDLED: unique symbol = Symbol("aitbc.route.reply-handled");

export type RouteHandler<Op extends OperationTypes> = (
  input: RouteInput<Op["data"]>,
  context: RouteContext,
) =>
  | Promise<Reply<Op["responses"]> | typeof REPLY_HANDLED>
  | Reply<Op["responses"]>
  | typeof REPLY_HANDLED;

/** One handler per operation of the table: every operation, and nothing else. */
export type RouteHandlers<Ops extends Record<keyof Ops, OperationTypes>> = {
  [K in keyof Ops]: RouteHandler<Ops[K]>;
};

/**
 * Mounts each operation's handler on `target` (an express app or router that sits behind
 * createBaseApp's contract validation). A literal path segment is routed before a parameter at
 * the same place, so `/block/latest` wins over `/block/:height` whatever the document's order.
 */
export function registerRoutes<Ops extends Record<keyof Ops, OperationTypes>>(
  target: IRouter,
  table: RouteTable<Ops>,
  handlers: NoInfer<RouteHandlers<Ops>>,
): void {
  const operations = (Object.keys(table) as (keyof Ops & string)[]).map((operationId) => ({
    operationId,
    route: table[operationId],
  }));
  operations.sort((a, b) => compareRoutePaths(a.route.path, b.route.path));
  for (const { operationId, route } of operations) {
    // One operation's handler, seen through the common shape: the table ties it to its types.
    const handler = handlers[operationId] as unknown as RouteHandler<OperationTypes> | undefined;
    if (typeof handler !== "function")
      throw new Error(`registerRoutes: no handler for operation ${operationId}`);
    target[route.method](route.path, async (req: Request, res: Response) => {
      const input: RouteInput<OperationTypes["data"]> = {
        body: req.body,
        path: req.params,
        query: req.query,
      };
      const reply = await handler(input, { req, res });
      if (reply === REPLY_HANDLED) return;
      const { status, body, headers } = reply as unknown as WireReply;
      if (headers) res.set(headers);
      res.status(status);
      if (body === undefined) res.end();
      else res.json(body);
    });
  }
}

interface WireReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Literal segments before parameters, position by position; otherwise the table's order. */
export function compareRoutePaths(a: string, b: string): number {
  const sa = a.split("/");
  const sb = b.split("/");
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const pa = sa[i]!.startsWith(":");
    const pb = sb[i]!.startsWith(":");
    if (pa !== pb) return pa ? 1 : -1;
  }
  return sa.length - sb.length;
}

/**
 * A status computed at run time (a stored idempotent answer, a domain result) narrowed to the
 * ones the operation declares. Any other is a bug here, and fails as one (500) rather than
 * going out against the contract.
 */
export function declaredReply<S extends number, B>(
  out: { status: number; body: B },
  statuses: readonly S[],
): { status: S; body: B } {
  const status = statuses.find((s) => s === out.status);
  if (status === undefined)
    throw new Error(`status ${out.status} is not one of the operation's (${statuses.join(", ")})`);
  return { status, body: out.body };
}
