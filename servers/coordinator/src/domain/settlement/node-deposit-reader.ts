// Reads an owner's finalized deposit from the node, for the deposit ledger's cache. Only the
// finalized values count: a deposit seen in a block that a reorg can still undo is not money the
// coordinator may promise to providers.
import type { NodeChainClient } from "@aitbc/server-lib";
import type { DepositReader, FinalizedDeposit } from "../deposits/deposit-reader.js";
import { fromDependency } from "./sdk-errors.js";

export class NodeDepositReader implements DepositReader {
  /** A job create waits for this read: the client must not wait long for a node that hangs. */
  constructor(private readonly chain: NodeChainClient) {}

  async finalizedDeposit(owner: string): Promise<FinalizedDeposit> {
    try {
      const deposit = await this.chain.node.getDeposit({ path: { address: owner } });
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
