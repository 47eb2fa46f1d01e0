// A chain for bond slashes in component tests: bonds by address, and every slash it was sent,
// included at once (the real chain's rules for slashes are tested in the node and in
// verification-chain.test.ts).
import { ChainRejected } from "@aitbc/server-lib";
import type { BondSlashInput } from "@aitbc/sdk";
import type {
  SlashChainPort,
  SlashTxStanding,
} from "../../src/domain/verification/slash-chain-port.js";

export class SlashChainDouble implements SlashChainPort {
  readonly bonds = new Map<string, bigint>();
  readonly slashes: BondSlashInput[] = [];
  private height = 0;
  private readonly included_ = new Map<string, number>();

  async bond(address: string): Promise<bigint> {
    return this.bonds.get(address) ?? 0n;
  }

  async submit(input: BondSlashInput): Promise<string> {
    if (this.slashes.some((s) => s.jobId === input.jobId))
      throw new ChainRejected("job_already_slashed", `Job ${input.jobId} was already slashed.`);
    const bond = this.bonds.get(input.provider) ?? 0n;
    if (bond < input.refundMicro + input.penaltyMicro)
      throw new ChainRejected("bond_insufficient", "The bond is too small.");
    this.bonds.set(input.provider, bond - input.refundMicro - input.penaltyMicro);
    this.slashes.push(input);
    const hash = `0x${String(this.slashes.length).padStart(64, "0")}`;
    this.included_.set(hash, ++this.height);
    return hash;
  }

  async included(txHash: string): Promise<number | null> {
    return this.included_.get(txHash) ?? null;
  }

  async standing(txHash: string): Promise<SlashTxStanding> {
    const h = this.included_.get(txHash);
    return h === undefined ? { status: "unknown" } : { status: "confirmed", blockHeight: h };
  }
}
