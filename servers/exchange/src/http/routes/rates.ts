import { fromMicro } from "@aitbc/sdk";
import { btcFromSats } from "../../domain/rates/btc-amount.js";
import {
  AITBC_PER_BTC,
  MAX_ORDER_MICRO,
  MIN_ORDER_MICRO,
  SATS_PER_AITBC,
} from "../../domain/rates/fixed-rate.js";
import type { ExchangeDeps } from "../deps.js";
import type { ExchangeHandlers } from "../routes.gen.js";

export function rateRoutes(deps: ExchangeDeps): ExchangeHandlers<"getRates"> {
  return {
    getRates() {
      return {
        status: 200,
        body: {
          base: "BTC",
          quote: "AITBC",
          rate: Number(AITBC_PER_BTC),
          aitbc_per_btc: Number(AITBC_PER_BTC),
          btc_per_aitbc: btcFromSats(SATS_PER_AITBC),
          sats_per_aitbc: Number(SATS_PER_AITBC),
          payment_methods: ["bitcoin_testnet"],
          min_order_aitbc: fromMicro(MIN_ORDER_MICRO),
          max_order_aitbc: fromMicro(MAX_ORDER_MICRO),
          required_confirmations: deps.requiredConfirmations,
          order_ttl_s: deps.orderTtlS,
          updated_at: new Date().toISOString(),
        },
      };
    },
  };
}
