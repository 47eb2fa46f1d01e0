import type { Router } from "express";
import { AmountError, toMicro, type ExchangeTypes } from "@aitbc/sdk";
import { idempotent, ValidationFailed, type Knex } from "@aitbc/server-lib";
import type { OrderAmount, OrderBook } from "../../domain/orders/order-book.js";
import { BtcAmountError, satsFromBtc } from "../../domain/rates/btc-amount.js";
import type { Authenticate } from "@aitbc/server-lib";
import { orderView } from "../order-view.js";

const DEFAULT_LIMIT = 20;

export function orderRoutes(
  router: Router,
  deps: { book: OrderBook; db: Knex; authenticate: Authenticate },
): void {
  router.post("/api/v1/orders", async (req, res) => {
    const caller = await deps.authenticate(req);
    const body = req.body as ExchangeTypes.CreateOrderData["body"];
    const amount = orderAmount(body);
    const scope = `order:${caller.kind === "account" ? caller.id : "admin-key"}`;
    const result = await idempotent(
      deps.db,
      { scope, key: req.get("Idempotency-Key"), body },
      async () => ({ status: 201, body: orderView(await deps.book.create(caller, amount)) }),
    );
    res.status(result.status).json(result.body satisfies ExchangeTypes.CreateOrderResponses[201]);
  });

  router.get("/api/v1/orders", async (req, res) => {
    const caller = await deps.authenticate(req);
    const q = (req.query ?? {}) as NonNullable<ExchangeTypes.ListOrdersData["query"]>;
    const limit = q.limit ?? DEFAULT_LIMIT;
    const page = await deps.book.list(caller, {
      limit,
      ...(q.status ? { status: q.status } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
    });
    res.status(200).json({
      items: page.items.map(orderView),
      page: { limit, next_cursor: page.nextCursor },
    } satisfies ExchangeTypes.ListOrdersResponses[200]);
  });

  router.get("/api/v1/orders/:order_id", async (req, res) => {
    const caller = await deps.authenticate(req);
    const { order_id } = req.params as ExchangeTypes.GetOrderData["path"];
    const order = await deps.book.get(caller, order_id);
    res.status(200).json(orderView(order) satisfies ExchangeTypes.GetOrderResponses[200]);
  });
}

function orderAmount(body: ExchangeTypes.CreateOrderData["body"]): OrderAmount {
  const hasAitbc = body.amount_aitbc !== undefined;
  const hasBtc = body.amount_btc !== undefined;
  if (hasAitbc === hasBtc)
    throw new ValidationFailed("Give exactly one of amount_aitbc and amount_btc.", [
      { field: "body.amount_aitbc", message: "give exactly one of amount_aitbc and amount_btc" },
    ]);
  try {
    return hasAitbc
      ? { aitbcMicro: toMicro(body.amount_aitbc!) }
      : { sats: satsFromBtc(body.amount_btc!) };
  } catch (err) {
    if (err instanceof AmountError || err instanceof BtcAmountError)
      throw ValidationFailed.field(hasAitbc ? "body.amount_aitbc" : "body.amount_btc", err.message);
    throw err;
  }
}
