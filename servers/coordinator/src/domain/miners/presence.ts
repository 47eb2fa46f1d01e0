// A miner is online while its heartbeats keep coming: silent for three intervals means offline.
export class MinerPresence {
  constructor(private readonly heartbeatIntervalS: number) {}

  /** Heartbeats at or after this instant count as online. */
  onlineSince(now: Date = new Date()): string {
    return new Date(now.getTime() - this.heartbeatIntervalS * 3000).toISOString();
  }

  isOnline(lastHeartbeatAt: string, now: Date = new Date()): boolean {
    return lastHeartbeatAt >= this.onlineSince(now);
  }
}
