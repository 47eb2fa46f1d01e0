// A peer speaking the P2P protocol by hand, for tests that send what a real node never would.
import { expect } from "vitest";
import { WebSocket } from "ws";
import {
  fromBase64Url,
  signBlock,
  txHash,
  txRoot,
  type P2pMessages,
  type SignedTx,
} from "@aitbc/sdk";
import { LedgerState } from "../../src/domain/ledger/state.js";
import { stateRoot } from "../../src/domain/ledger/state-root.js";
import type { Harness } from "./harness.js";
import { until } from "./poll.js";

export interface RawPeer {
  ws: WebSocket;
  frames: Array<Record<string, unknown>>;
  closed: Promise<{ code: number; reason: string }>;
  send(m: unknown): void;
}

/** `localAddress` (127.0.0.2, 127.0.0.3…) lets a test be several remote addresses at once. */
export async function connect(url: string, localAddress?: string): Promise<RawPeer> {
  const ws = new WebSocket(url, localAddress ? { localAddress } : {});
  const frames: Array<Record<string, unknown>> = [];
  ws.on("message", (d) => frames.push(JSON.parse(d.toString())));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
  return {
    ws,
    frames,
    closed,
    send: (m) => ws.send(typeof m === "string" ? m : JSON.stringify(m)),
  };
}

/** The state root of a chain whose blocks moved no money. */
export const EMPTY_STATE_ROOT = stateRoot(new LedgerState());

/** A hello from a node on `h`'s chain (to node `i`), at `head` (default: genesis). */
export function helloMessage(
  h: Harness,
  i = 0,
  head: { height: number; hash: string } = { height: 0, hash: h.nodes[i]!.genesisHash },
): P2pMessages.HelloMessage {
  return {
    type: "hello",
    protocol: 1,
    chain_id: h.dev.genesis.chain_id,
    genesis_hash: h.nodes[i]!.genesisHash,
    node_id: "ab".repeat(16),
    height: head.height,
    head_hash: head.hash,
    weight: 0,
  };
}

/** Connected to node `i` of `h`, hello exchanged, as a node at the node's own head. */
export async function helloed(h: Harness, i = 0, localAddress?: string): Promise<RawPeer> {
  const peer = await connect(h.nodes[i]!.p2pUrl, localAddress);
  await until(() => peer.frames.find((f) => f.type === "hello"), "the node's hello");
  peer.send(helloMessage(h, i, await h.client(i).node.getLatestBlock()));
  return peer;
}

/** A block on `parent` signed by the dev chain's first validator. */
export function nextBlock(
  h: Harness,
  parent: { height: number; hash: string; timestamp: string },
  txs: SignedTx[] = [],
  stateRoot = EMPTY_STATE_ROOT,
) {
  return signBlock(
    {
      chain_id: h.dev.genesis.chain_id,
      height: parent.height + 1,
      prev_hash: parent.hash,
      timestamp: new Date(Date.parse(parent.timestamp) + 1).toISOString(),
      round: 0,
      tx_count: txs.length,
      tx_root: txRoot(txs.map(txHash)),
      state_root: stateRoot,
    },
    txs,
    fromBase64Url(h.dev.validators[0]!.secret_key),
  );
}

/** The node closed the connection with 1008 (policy) and a reason naming `reasonPart`. */
export async function expectDropped(peer: RawPeer, reasonPart: string): Promise<void> {
  const { code, reason } = await peer.closed;
  expect(code).toBe(1008);
  expect(reason).toContain(reasonPart);
}
