// Creating and reading orders. The buyer is the owner of the coordinator key; the AITBC goes to
// that account's chain address. Each order gets its own deposit address.
import { randomBytes } from "node:crypto";
import { formatAitbc } from "@aitbc/sdk";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "@aitbc/server-lib";
import type { OrderStore } from "./order-store.js";
import type { Caller } from "@aitbc/server-lib";
import { depositAddress } from "../bitcoin/deposit-addresses.js";
import {
  AITBC_PER_BTC,
  MAX_ORDER_MICRO,
  MIN_ORDER_MICRO,
  microForSats,
  satsForMicro,
} from "../rates/fixed-rate.js";
import type { Order, OrderStatus } from "./order.js";

export interface OrderBookSettings {
  orderTtlMs: number;
  depositSeed: Uint8Array;
}

export type OrderAmount = { aitbcMicro: bigint } | { sats: bigint };

export class OrderBook {
  constructor(
    private readonly orders: OrderStore,
    private readonly settings: OrderBookSettings,
  ) {}

  async create(caller: Caller, amount: OrderAmount): Promise<Order> {
    if (caller.kind === "admin-key")
      throw new Forbidden(
        "The admin key has no chain address to receive AITBC; use an account's key.",
      );
    if (!caller.address)
      throw new Conflict(
        "conflict",
        `Account ${caller.id} has no chain address to receive the AITBC yet.`,
      );
    const field = "aitbcMicro" in amount ? "body.amount_aitbc" : "body.amount_btc";
    const amountMicro = "aitbcMicro" in amount ? amount.aitbcMicro : microForSats(amount.sats);
    if (amountMicro < MIN_ORDER_MICRO || amountMicro > MAX_ORDER_MICRO)
      throw ValidationFailed.field(
        field,
        `must buy between ${formatAitbc(MIN_ORDER_MICRO)} and ${formatAitbc(MAX_ORDER_MICRO)} AITBC`,
      );
    const orderId = randomBytes(16).toString("hex");
    const now = new Date();
    const order: Order = {
      orderId,
      buyerAccountId: caller.id,
      buyerAddress: caller.address,
      status: "awaiting_payment",
      paymentMethod: "bitcoin_testnet",
      amountMicro,
      amountSats: "sats" in amount ? amount.sats : satsForMicro(amountMicro),
      rate: AITBC_PER_BTC,
      depositAddress: depositAddress(this.settings.depositSeed, orderId),
      receivedSats: 0n,
      confirmations: 0,
      btcTxids: [],
      mintTxHash: null,
      mintTx: null,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.settings.orderTtlMs).toISOString(),
      paidAt: null,
      mintedAt: null,
    };
    await this.orders.insert(order);
    return order;
  }

  /** Another account's order is 404, so order ids do not leak. */
  async get(caller: Caller, orderId: string): Promise<Order> {
    const order = await this.orders.find(orderId);
    // Only the platform admin sees every order. A tenant admin's key is an account key here: orders
    // carry no tenant, so it sees its own orders like any buyer.
    if (!order || (caller.kind === "account" && order.buyerAccountId !== caller.id))
      throw new NotFound(`No order with id ${orderId}.`);
    return order;
  }

  async list(
    caller: Caller,
    q: { status?: OrderStatus; limit: number; cursor?: string },
  ): Promise<{ items: Order[]; nextCursor: string | null }> {
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const items = await this.orders.page({
      ...(caller.kind === "admin-key" ? {} : { buyerAccountId: caller.id }),
      ...(q.status ? { status: q.status } : {}),
      limit: q.limit + 1,
      ...(after ? { after } : {}),
    });
    const more = items.length > q.limit;
    const page = items.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page,
      nextCursor:
        more && last ? encodeCursor({ createdAt: last.createdAt, orderId: last.orderId }) : null,
    };
  }
}

function encodeCursor(c: { createdAt: string; orderId: string }): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.orderId])).toString("base64url");
}

function decodeCursor(text: string): { createdAt: string; orderId: string } {
  try {
    const [createdAt, orderId] = JSON.parse(
      Buffer.from(text, "base64url").toString("utf8"),
    ) as unknown[];
    if (typeof createdAt === "string" && typeof orderId === "string") return { createdAt, orderId };
  } catch {
    // fall through to the 400 below
  }
  throw ValidationFailed.field("query.cursor", "is not a cursor of this listing");
}
