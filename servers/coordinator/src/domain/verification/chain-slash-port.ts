// Bond slashes on a real chain: `bond_slash` signed by the settlement key (the key that also signs
// escrow releases and settlement batches, so a nonce another worker took is refused by the node
// and the slash is signed again), submitted through the node chain client, and waited for by the
// inclusion watcher.
import { ChainRejected, type InclusionWatcher, type NodeChainClient } from "@aitbc/server-lib";
import { NotFoundError, bondSlashTx, type BondSlashInput } from "@aitbc/sdk";
import type { SettlementKey } from "../settlement/settlement-key.js";
import type { SlashChainPort, SlashTxStanding } from "./slash-chain-port.js";

export class ChainSlashPort implements SlashChainPort {
  constructor(
    private readonly chain: NodeChainClient,
    private readonly watcher: InclusionWatcher,
    private readonly key: SettlementKey,
  ) {}

  async bond(providerAddress: string): Promise<bigint> {
    try {
      const b = await this.chain.call("bond", () =>
        this.chain.node.getBond({ path: { address: providerAddress } }),
      );
      return BigInt(b.amount_micro);
    } catch (err) {
      if (err instanceof NotFoundError) return 0n;
      throw err;
    }
  }

  async submit(input: BondSlashInput): Promise<string> {
    const account = await this.chain.account(this.key.address);
    const tx = bondSlashTx(
      { chainId: this.key.chainId, nonce: account.pending_nonce, secretKey: this.key.secretKey },
      input,
    );
    return this.chain.submit(tx);
  }

  async included(txHash: string, ms: number): Promise<number | null> {
    try {
      const r = await this.watcher.wait(txHash, ms);
      return r.included ? r.blockHeight : null;
    } catch (err) {
      if (err instanceof ChainRejected) return null;
      throw err;
    }
  }

  async standing(txHash: string): Promise<SlashTxStanding> {
    const s = await this.chain.getTransaction(txHash);
    return s.status === "confirmed" ? { status: "confirmed", blockHeight: s.blockHeight } : s;
  }
}
