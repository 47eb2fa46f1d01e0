// Reads a provider's bond from the node. The head block counts, not the finalized one: a provider
// that has just locked a bond (the wallet answers once a block includes it) may list at once, and
// a bond is not money the coordinator pays out, so a reorg costs no more than a listing that is
// briefly wrong.
import { createAitbcClient, type AitbcClient } from "@aitbc/sdk";
import type { BondReader, ChainBond } from "./bond-reader.js";
import { fromDependency } from "../settlement/sdk-errors.js";

export class NodeBondReader implements BondReader {
  private readonly client: AitbcClient;

  constructor(nodeUrl: string) {
    // A registration and a match wait for this read: a node that hangs must not hold them long.
    this.client = createAitbcClient({ nodeUrl, http: { retries: 0, timeoutMs: 5000 } });
  }

  async bondOf(address: string): Promise<ChainBond> {
    try {
      const bond = await this.client.node.getBond({ path: { address } });
      return { amountMicro: BigInt(bond.amount_micro), status: bond.status };
    } catch (err) {
      throw fromDependency(err, "The node");
    }
  }
}
