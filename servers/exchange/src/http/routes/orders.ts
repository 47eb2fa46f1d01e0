import { AmountError, toMicro, type ExchangeTypes } from "@aitbc/sdk";
import { declaredReply, idempotent, ValidationFailed } from "@aitbc/server-lib";
import type { OrderAmount } from "../../domain/orders/order-book.js";
import { BtcAmountError, satsFromBtc } from "../../domain/rates/btc-amount.js";
import type { ExchangeDeps } from "../deps.js";
import { orderView } from "../order-view.js";
import type { ExchangeHandlers } from "../routes.gen.js";

const DEFAULT_LIMIT = 20;

export function orderRoutes(
  deps: ExchangeDeps,
): ExchangeHandlers<"createOrder" | "listOrders" | "getOrder"> {
  return {
    async createOrder({ body }, { req }) {
      const caller = await deps.authenticate(req);
      const amount = orderAmount(body);
      const scope = `order:${caller.kind === "account" ? caller.id : "admin-key"}`;
      const result = await idempotent(
        deps.db,
        { scope, key: req.get("Idempotency-Key"), body },
        async () => ({ status: 201, body: orderView(await deps.book.create(caller, amount)) }),
      );
      return declaredReply(result, [201]);
    },

    async listOrders({ query }, { req }) {
      const caller = await deps.authenticate(req);
      const limit = query.limit ?? DEFAULT_LIMIT;
      const page = await deps.book.list(caller, {
        limit,
        ...(query.status ? { status: query.status } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      return {
        status: 200,
        body: { items: page.items.map(orderView), page: { limit, next_cursor: page.nextCursor } },
      };
    },

    async getOrder({ path }, { req }) {
      const caller = await deps.authenticate(req);
      const order = await deps.book.get(caller, path.order_id);
      return { status: 200, body: orderView(order) };
    },
  };
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
