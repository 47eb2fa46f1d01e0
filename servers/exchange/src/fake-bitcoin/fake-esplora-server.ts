// A stand-in for the Bitcoin testnet, for tests and the dev stack, where the real network is out of
// reach. It answers the Esplora REST API that the production adapter uses (GET /blocks/tip/height,
// /blocks/tip/hash, /address/{address}/txs, /tx/{txid}, /tx/{txid}/status) with Esplora's JSON
// shapes, and adds two control endpoints a real network does not have:
//   POST /_fake/pay  {address, sats}   → {txid}     a transaction paying the address, in the mempool
//   POST /_fake/mine {blocks?}         → {height}   mines the mempool into the next block(s)
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { API_CONTENT_SECURITY_POLICY } from "@aitbc/server-lib";

interface FakeTx {
  txid: string;
  address: string;
  sats: number;
  blockHeight: number | null;
  blockHash: string | null;
  blockTime: number | null;
}

export interface FakeEsplora {
  url: string;
  pay(address: string, sats: number): string;
  mine(blocks?: number): number;
  readonly height: number;
  close(): Promise<void>;
}

export async function startFakeEsplora(
  options: { port?: number; host?: string; startHeight?: number } = {},
): Promise<FakeEsplora> {
  let height = options.startHeight ?? 2_500_000;
  let tipHash = randomBytes(32).toString("hex");
  const txs: FakeTx[] = [];

  const pay = (address: string, sats: number) => {
    if (!Number.isSafeInteger(sats) || sats <= 0)
      throw new RangeError("sats must be a positive integer");
    const tx: FakeTx = {
      txid: randomBytes(32).toString("hex"),
      address,
      sats,
      blockHeight: null,
      blockHash: null,
      blockTime: null,
    };
    txs.push(tx);
    return tx.txid;
  };
  const mine = (blocks = 1) => {
    for (let i = 0; i < blocks; i++) {
      height++;
      tipHash = randomBytes(32).toString("hex");
      const time = Math.floor(Date.now() / 1000);
      for (const tx of txs)
        if (tx.blockHeight === null)
          Object.assign(tx, { blockHeight: height, blockHash: tipHash, blockTime: time });
    }
    return height;
  };

  const status = (tx: FakeTx) =>
    tx.blockHeight === null
      ? { confirmed: false }
      : {
          confirmed: true,
          block_height: tx.blockHeight,
          block_hash: tx.blockHash,
          block_time: tx.blockTime,
        };
  const esploraTx = (tx: FakeTx) => ({
    txid: tx.txid,
    version: 2,
    locktime: 0,
    vin: [],
    vout: [
      {
        scriptpubkey: "",
        scriptpubkey_type: "v0_p2wpkh",
        scriptpubkey_address: tx.address,
        value: tx.sats,
      },
    ],
    size: 222,
    weight: 561,
    fee: 141,
    status: status(tx),
  });

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, "text/plain", "Internal error"));
  });
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (req.method === "GET" && path === "/blocks/tip/height")
      return send(res, 200, "text/plain", String(height));
    if (req.method === "GET" && path === "/blocks/tip/hash")
      return send(res, 200, "text/plain", tipHash);
    let m = /^\/address\/([^/]+)\/txs$/.exec(path);
    if (req.method === "GET" && m) {
      const address = decodeURIComponent(m[1]!);
      // Esplora order: mempool first, then confirmed newest first.
      const mine = txs
        .filter((t) => t.address === address)
        .sort((a, b) => (b.blockHeight ?? Infinity) - (a.blockHeight ?? Infinity));
      return sendJson(res, 200, mine.map(esploraTx));
    }
    m = /^\/tx\/([0-9a-f]{64})(\/status)?$/.exec(path);
    if (req.method === "GET" && m) {
      const tx = txs.find((t) => t.txid === m![1]);
      if (!tx) return send(res, 404, "text/plain", "Transaction not found");
      return sendJson(res, 200, m[2] ? status(tx) : esploraTx(tx));
    }
    if (req.method === "POST" && path === "/_fake/pay") {
      const body = (await readJson(req)) as { address?: unknown; sats?: unknown };
      if (typeof body.address !== "string" || typeof body.sats !== "number")
        return send(res, 400, "text/plain", "need {address, sats}");
      return sendJson(res, 200, { txid: pay(body.address, body.sats) });
    }
    if (req.method === "POST" && path === "/_fake/mine") {
      const body = (await readJson(req)) as { blocks?: unknown };
      const blocks = typeof body.blocks === "number" ? body.blocks : 1;
      return sendJson(res, 200, { height: mine(blocks) });
    }
    return send(res, 404, "text/plain", "Not found");
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    pay,
    mine,
    get height() {
      return height;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(body);
}
function sendJson(res: ServerResponse, status: number, body: unknown) {
  send(res, status, "application/json", JSON.stringify(body));
}
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
