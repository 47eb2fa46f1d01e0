// The settlement used when the coordinator has no wallet, node or settlement key configured:
// every job create is refused with 503, so no job ever runs without money behind it.
import { Unavailable } from "@aitbc/server-lib";
import type { ReleaseOutcome, SettlementPort } from "./settlement-port.js";

export class UnconfiguredSettlement implements SettlementPort {
  readonly kind = "unconfigured";
  constructor(private readonly missing: string[]) {}

  async lockEscrow(): Promise<never> {
    throw new Unavailable(
      `Jobs need the chain: the coordinator is not configured with ${this.missing.join(", ")}.`,
      30,
    );
  }
  async release(): Promise<ReleaseOutcome> {
    throw new Error(`settlement is not configured (${this.missing.join(", ")})`);
  }
  async refund(): Promise<ReleaseOutcome> {
    throw new Error(`settlement is not configured (${this.missing.join(", ")})`);
  }
}
