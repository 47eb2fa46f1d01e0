// P2P frames (spec/asyncapi/p2p.yaml). Peers get no contract validator in front of them, so every
// frame is checked here; blocks and transactions are checked in depth by the chain itself.
import type { P2pMessages } from "@aitbc/sdk";

export type P2pMessage =
  | P2pMessages.HelloMessage
  | P2pMessages.StatusMessage
  | P2pMessages.TxGossipMessage
  | P2pMessages.TxBatchGossipMessage
  | P2pMessages.BlockGossipMessage
  | P2pMessages.GetBlocksMessage
  | P2pMessages.BlocksMessage;

export const PROTOCOL_VERSION = 1;
export const MAX_RANGE = 256;
export const MAX_TX_BATCH = 1000;

export class ProtocolError extends Error {}

const HASH = /^0x[0-9a-f]{64}$/;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number =>
  typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

function exactKeys(m: Record<string, unknown>, keys: string[]): void {
  const have = Object.keys(m).sort().join(",");
  if (have !== [...keys].sort().join(","))
    throw new ProtocolError(`${String(m.type)}: wrong fields`);
}

function head(m: Record<string, unknown>): void {
  if (!isCount(m.height) || typeof m.head_hash !== "string" || !HASH.test(m.head_hash))
    throw new ProtocolError(`${String(m.type)}: bad head`);
  if (!isCount(m.weight)) throw new ProtocolError(`${String(m.type)}: bad weight`);
}

/** Parses one frame. Transaction and block bodies are left to the chain's own checks. */
export function parseMessage(text: string): P2pMessage {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    throw new ProtocolError("frame is not JSON");
  }
  if (!isObject(m)) throw new ProtocolError("frame is not an object");
  switch (m.type) {
    case "hello":
      exactKeys(m, [
        "type",
        "protocol",
        "chain_id",
        "genesis_hash",
        "node_id",
        "height",
        "head_hash",
        "weight",
      ]);
      if (typeof m.chain_id !== "string" || typeof m.genesis_hash !== "string")
        throw new ProtocolError("hello: bad chain");
      if (typeof m.node_id !== "string" || !/^[0-9a-f]{32}$/.test(m.node_id))
        throw new ProtocolError("hello: bad node_id");
      if (m.protocol !== PROTOCOL_VERSION) throw new ProtocolError("hello: unsupported protocol");
      head(m);
      break;
    case "status":
      exactKeys(m, ["type", "height", "head_hash", "weight"]);
      head(m);
      break;
    case "tx":
      exactKeys(m, ["type", "tx"]);
      break;
    case "txs":
      exactKeys(m, ["type", "txs"]);
      if (!Array.isArray(m.txs) || m.txs.length < 1 || m.txs.length > MAX_TX_BATCH)
        throw new ProtocolError("txs: must hold 1 to 1000 transactions");
      break;
    case "block":
      exactKeys(m, ["type", "block"]);
      break;
    case "get_blocks":
      exactKeys(m, ["type", "request_id", "from_height", "count"]);
      if (typeof m.request_id !== "string" || m.request_id.length < 1 || m.request_id.length > 64)
        throw new ProtocolError("get_blocks: bad request_id");
      if (!isCount(m.from_height) || m.from_height < 1)
        throw new ProtocolError("get_blocks: bad from_height");
      if (!isCount(m.count) || m.count < 1 || m.count > MAX_RANGE)
        throw new ProtocolError("get_blocks: bad count");
      break;
    case "blocks":
      exactKeys(m, ["type", "request_id", "blocks"]);
      if (typeof m.request_id !== "string") throw new ProtocolError("blocks: bad request_id");
      if (!Array.isArray(m.blocks) || m.blocks.length > MAX_RANGE)
        throw new ProtocolError("blocks: bad blocks");
      break;
    default:
      throw new ProtocolError(`unknown frame type ${JSON.stringify(m.type)}`);
  }
  return m as unknown as P2pMessage;
}
