// Reads a provider's bond from the node. The head block counts, not the finalized one: a provider
// that has just locked a bond (the wallet answers once a block includes it) may list at once, and
// a bond is not money the coordinator pays out, so a reorg costs no more than a listing that is
// briefly wrong.
import type { NodeChainClient } from "@aitbc/server-lib";
import type { BondReader, ChainBond } from "./bond-reader.js";
import { fromDependency } from "../settlement/sdk-errors.js";

export class NodeBondReader implements BondReader {
  // A registration and a match wait for this read: the coordinator's chain client does not retry
  // and gives up after a few seconds, so a node that hangs does not hold them long.
  constructor(private readonly chain: NodeChainClient) {}

  async bondOf(address: string): Promise<ChainBond> {
    try {
      const bond = await this.chain.node.getBond({ path: { address } });
      return { amountMicro: BigInt(bond.amount_micro), status: bond.status };
    } catch (err) {
      throw fromDependency(err, "The node");
    }
  }
}
