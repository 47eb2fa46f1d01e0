// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

// The operations of spec/openapi/exchange.yaml, for registerRoutes() in @aitbc/server-lib.
import type { RouteHandlers, RouteTable } from "@aitbc/server-lib";
import type { ExchangeTypes as T } from "@aitbc/sdk";

/** Each operation's request (hey-api's `…Data`) and responses (`…Responses`). */
export interface ExchangeOperations {
  getHealth: { data: T.GetHealthData; responses: T.GetHealthResponses };
  getRates: { data: T.GetRatesData; responses: T.GetRatesResponses };
  listOrders: { data: T.ListOrdersData; responses: T.ListOrdersResponses };
  createOrder: { data: T.CreateOrderData; responses: T.CreateOrderResponses };
  getOrder: { data: T.GetOrderData; responses: T.GetOrderResponses };
}

export const exchangeRouteTable: RouteTable<ExchangeOperations> = {
  getHealth: { method: "get", path: "/api/v1/health" },
  getRates: { method: "get", path: "/api/v1/rates" },
  listOrders: { method: "get", path: "/api/v1/orders" },
  createOrder: { method: "post", path: "/api/v1/orders" },
  getOrder: { method: "get", path: "/api/v1/orders/:order_id" },
};

/** Handlers of some of the operations (all of them by default), for one route module. */
export type ExchangeHandlers<K extends keyof ExchangeOperations = keyof ExchangeOperations> = Pick<
  RouteHandlers<ExchangeOperations>,
  K
>;
