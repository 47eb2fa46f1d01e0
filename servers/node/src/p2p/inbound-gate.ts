// Which inbound /p2p upgrades go ahead: none from a banned address, at most maxPeersPerAddress
// open at once from one address and maxInboundPeers in all. A socket counts from the moment its
// upgrade is let through until it closes, so a burst of half-finished handshakes counts too.
import type { Duplex } from "node:stream";
import type { BanList } from "./ban-list.js";
import type { P2pLimits } from "./p2p-limits.js";

export class InboundGate {
  private readonly open = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly limits: Pick<P2pLimits, "maxInboundPeers" | "maxPeersPerAddress">,
    private readonly bans: BanList,
  ) {}

  /**
   * Lets `socket` from `address` through (true), counting it until it closes, or answers the
   * upgrade with the refusal and ends it (false).
   */
  admit(address: string, socket: Duplex): boolean {
    const refusal = this.refusal(address);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\n\r\n`);
      return false;
    }
    this.total++;
    this.open.set(address, (this.open.get(address) ?? 0) + 1);
    socket.once("close", () => {
      this.total--;
      const left = (this.open.get(address) ?? 1) - 1;
      if (left > 0) this.open.set(address, left);
      else this.open.delete(address);
    });
    return true;
  }

  private refusal(address: string): string | undefined {
    const bannedMs = this.bans.bannedFor(address);
    if (bannedMs > 0) return `429 Too Many Requests\r\nRetry-After: ${Math.ceil(bannedMs / 1000)}`;
    if (this.total >= this.limits.maxInboundPeers) return "503 Service Unavailable";
    if ((this.open.get(address) ?? 0) >= this.limits.maxPeersPerAddress)
      return "429 Too Many Requests";
    return undefined;
  }
}
