// Bond slashes on a real chain: `bond_slash` signed by the settlement key (the key that also signs
// escrow releases and settlement batches, so a nonce another worker took is refused by the node
// and the slash is signed again), submitted through the node chain client, and waited for by the
// inclusion watcher.
import {
  ChainRejected,
  InclusionWatcher,
  nodeChainClient,
  type NodeChainClient,
} from "@aitbc/server-lib";
import {
  NotFoundError,
  addressFromPublicKey,
  bondSlashTx,
  importSecretKey,
  type BondSlashInput,
} from "@aitbc/sdk";
import type { SlashChainPort, SlashTxStanding } from "./slash-chain-port.js";

export interface ChainSlashPortOptions {
  nodeUrl: string;
  settlementSecretKey: string;
  chainId: string;
}

export class ChainSlashPort implements SlashChainPort {
  private readonly chain: NodeChainClient;
  private readonly watcher: InclusionWatcher;
  private readonly secretKey: Uint8Array;
  private readonly address: string;

  constructor(private readonly options: ChainSlashPortOptions) {
    this.chain = nodeChainClient(options.nodeUrl);
    this.watcher = new InclusionWatcher(this.chain);
    const pair = importSecretKey(options.settlementSecretKey);
    this.secretKey = pair.secretKey;
    this.address = addressFromPublicKey(pair.publicKey);
  }

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
    const account = await this.chain.account(this.address);
    const tx = bondSlashTx(
      { chainId: this.options.chainId, nonce: account.pending_nonce, secretKey: this.secretKey },
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
