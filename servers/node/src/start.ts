// startNode(config): opens the database, loads the chain, listens for HTTP and both WebSocket
// endpoints (/p2p and /api/v1/ws), dials the peers and, on a validator, starts proposing.
import { createServer } from "node:http";
import { createLogger, listen, migrate, openDatabase } from "@aitbc/server-lib";
import { buildApp } from "./app.js";
import type { NodeConfig } from "./config.js";
import { KnexChainStorage } from "./data/knex-chain-storage.js";
import { migrations } from "./data/migrations.js";
import { Chain } from "./domain/chain/chain.js";
import { chainEnv } from "./domain/chain/chain-env.js";
import { parseGenesis } from "./domain/genesis/load-genesis.js";
import { Mempool } from "./domain/mempool/mempool.js";
import { BlockProducer } from "./domain/node/block-producer.js";
import { ChainNode } from "./domain/node/chain-node.js";
import { validatorIdentity } from "./domain/node/identity.js";
import { P2pNetwork } from "./p2p/p2p-network.js";
import { ClientFeed } from "./ws/client-feed.js";

export const NODE_VERSION = "0.1.0";

export interface RunningNode {
  url: string;
  port: number;
  /** ws://host:port/p2p, for other nodes' AITBC_PEERS. */
  p2pUrl: string;
  /** ws://host:port/api/v1/ws, the client feed. */
  wsUrl: string;
  chainId: string;
  genesisHash: string;
  /** This node's validator name, if it is one. */
  validator: string | undefined;
  close(): Promise<void>;
}

export async function startNode(config: NodeConfig): Promise<RunningNode> {
  const logger = createLogger("node", config.logLevel);
  const genesis = parseGenesis(config.genesis, "config.genesis");
  const identity = validatorIdentity(genesis, config.validatorSecretKey);
  const db = await openDatabase({
    url: config.databaseUrl,
    ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
  });
  try {
    await migrate(db, migrations);
    const env = chainEnv(genesis);
    const chain = await Chain.open(env, new KnexChainStorage(db, genesis.chain_id));
    const mempool = new Mempool(
      chain,
      env,
      config.mempoolMaxPerSender ? { maxPerSender: config.mempoolMaxPerSender } : {},
    );
    const node = new ChainNode(chain, mempool, env, identity);
    const blockTimeMs = config.blockTimeMs ?? genesis.block_time_ms;
    const network = new P2pNetwork(node, {
      peers: config.peers,
      startupGraceMs: config.startupGraceMs ?? Math.min(env.roundTimeoutMs, 3000),
      logger,
      ...(config.p2pLimits ? { limits: config.p2pLimits } : {}),
    });
    const feed = new ClientFeed(node, env, config.clientFeedLimits);
    const app = buildApp({
      logger,
      db,
      node,
      network,
      adminApiKey: config.adminApiKey,
      faucetWaitMs: config.faucetWaitMs ?? Math.max(2000, 10 * blockTimeMs),
      version: NODE_VERSION,
      ...(config.rateLimit ? { rateLimit: config.rateLimit } : {}),
    });
    const server = createServer(app);
    server.on("upgrade", (req, socket, head) => {
      const path = new URL(req.url ?? "/", "http://node").pathname;
      if (path === "/p2p") network.handleUpgrade(req, socket, head);
      else if (path === "/api/v1/ws") feed.handleUpgrade(req, socket, head);
      else socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
    });
    const running = await listen(app, { port: config.port, host: config.host, server });
    network.start();
    const producer = identity
      ? new BlockProducer(node, identity, { blockTimeMs, ready: () => network.ready(), logger })
      : undefined;
    producer?.start();
    const wsBase = running.url.replace(/^http/, "ws");
    logger.info(
      {
        url: running.url,
        chain_id: genesis.chain_id,
        height: chain.head.height,
        validator: identity?.name ?? null,
        peers: config.peers,
      },
      "node started",
    );
    let closing: Promise<void> | undefined;
    return {
      url: running.url,
      port: running.port,
      p2pUrl: `${wsBase}/p2p`,
      wsUrl: `${wsBase}/api/v1/ws`,
      chainId: genesis.chain_id,
      genesisHash: env.genesisHash,
      validator: identity?.name,
      close() {
        closing ??= (async () => {
          producer?.stop();
          await network.close();
          await feed.close();
          await running.close(2000);
          // Let an in-flight commit finish before the database goes away.
          await chain.idle();
          await db.destroy();
        })();
        return closing;
      },
    };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
