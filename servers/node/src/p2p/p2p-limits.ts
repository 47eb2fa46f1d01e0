// What one peer, or everyone at once, may cost a node before it is refused or dropped. Every
// limit is a field so tests can lower it to reach it in milliseconds; docs/chain.md ("Peer
// limits") explains each default.

export interface P2pLimits {
  /**
   * Frames received from a peer and not handled yet (they are handled one at a time, in order).
   * Gossip arrives in batches of up to 1,000 transactions per frame, so an honest peer stays far
   * below this; a peer above it is sending faster than the node can work.
   */
  maxQueuedFrames: number;
  /**
   * Bytes sent to a peer that it has not taken off its socket. A syncing peer asks for the next
   * block range only once it has read the last answer (at most `maxAnswerTxs` transactions, at
   * most `maxFrameBytes`); a peer that keeps asking, or takes gossip, without reading makes the
   * node hold it all in memory.
   */
  maxUnreadBytes: number;
  /** The largest frame a peer may send (ws closes with 1009 above it). Also caps `blocks` answers. */
  maxFrameBytes: number;
  /** Transactions in one `blocks` answer (the answer ends early, the asker asks again). */
  maxAnswerTxs: number;
  /** Inbound connections at once, from everyone (the upgrade is refused with 503 above it). */
  maxInboundPeers: number;
  /** Inbound connections at once from one remote address (refused with 429 above it). */
  maxPeersPerAddress: number;
  /** A connection that has not said hello by then is dropped. */
  helloTimeoutMs: number;
  /**
   * A `get_blocks` the peer we sync from leaves unanswered this long makes it faulty. Generous:
   * a busy honest peer handles our request after every frame it already has from us.
   */
  syncRequestTimeoutMs: number;
  /**
   * A validator does not propose while syncing, but only while the sync delivers: after this long
   * without a new verified block from the peer, it proposes again (one peer's word never holds
   * the chain).
   */
  syncStallMs: number;
  /** A dropped peer's address is refused for this long, doubled at each further drop... */
  banBaseMs: number;
  /** ...up to this. */
  banMaxMs: number;
  /**
   * Whether drops from loopback addresses are exempt from the ban. Only tests that drop a
   * deliberately bad peer and then connect another one from the same 127.0.0.1 set this; on a
   * real network every node has its own address, and on a one-machine stack a ban of 127.0.0.1
   * only delays the local nodes' reconnections, never cuts a connection that is up.
   */
  exemptLoopback: boolean;
}

export const DEFAULT_P2P_LIMITS: P2pLimits = {
  maxQueuedFrames: 1024,
  maxUnreadBytes: 32 * 1024 * 1024,
  maxFrameBytes: 8 * 1024 * 1024,
  maxAnswerTxs: 10_000,
  maxInboundPeers: 64,
  maxPeersPerAddress: 8,
  helloTimeoutMs: 5000,
  syncRequestTimeoutMs: 10_000,
  syncStallMs: 5000,
  banBaseMs: 10_000,
  banMaxMs: 60 * 60 * 1000,
  exemptLoopback: false,
};
