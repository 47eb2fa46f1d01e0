// Reads an owner's finalized deposit from the node, for the deposit ledger's cache. Only the
// finalized values count: a deposit seen in a block that a reorg can still undo is not money the
// coordinator may promise to providers.
import { createAitbcClient, type AitbcClient } from "@aitbc/sdk";
import type { DepositReader, FinalizedDeposit } from "../deposits/deposit-reader.js";
import { fromDependency } from "./sdk-errors.js";

export class NodeDepositReader implements DepositReader {
  private readonly client: AitbcClient;

  constructor(nodeUrl: string) {
    // A job create waits for this read: a node that hangs must not hold it for long.
    this.client = createAitbcClient({ nodeUrl, http: { retries: 0, timeoutMs: 5000 } });
  }

  async finalizedDeposit(owner: string): Promise<FinalizedDeposit> {
    try {
      const deposit = await this.client.node.getDeposit({ path: { address: owner } });
      return {
        amountMicro: BigInt(deposit.finalized.amount_micro),
        height: deposit.finalized.height,
        status: deposit.finalized.status,
      };
    } catch (err) {
      throw fromDependency(err, "The node");
    }
  }
}
