import type { Router } from "express";
import { fromMicro, type ExchangeTypes } from "@aitbc/sdk";
import { btcFromSats } from "../../domain/rates/btc-amount.js";
import {
  AITBC_PER_BTC,
  MAX_ORDER_MICRO,
  MIN_ORDER_MICRO,
  SATS_PER_AITBC,
} from "../../domain/rates/fixed-rate.js";

export function rateRoutes(
  router: Router,
  deps: { requiredConfirmations: number; orderTtlS: number },
): void {
  router.get("/api/v1/rates", (_req, res) => {
    res.status(200).json({
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
    } satisfies ExchangeTypes.GetRatesResponses[200]);
  });
}
