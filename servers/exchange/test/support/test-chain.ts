// A real chain for the tests: one in-process @aitbc/node validator on port 0, on a dev genesis
// (faucet enabled) with short blocks, in its own SQLite file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDevGenesis, startNode } from "@aitbc/node";
import { createAitbcClient, fromBase64Url, toBase64Url } from "@aitbc/sdk";

export interface TestChain {
  url: string;
  chainId: string;
  /** Faucets `amount` AITBC to the address and waits until the balance shows it. */
  fund(address: string, amount: number): Promise<void>;
  close(): Promise<void>;
}

const BLOCK_TIME_MS = 150;

export async function startTestChain(options: {
  adminApiKey: string;
  /** The genesis treasury key (the exchange's tests mint with its secret). */
  treasuryPublicKey?: Uint8Array;
}): Promise<TestChain> {
  const dir = mkdtempSync(join(tmpdir(), "aitbc-test-node-"));
  const dev = createDevGenesis({
    validators: 1,
    chainId: "aitbc-test",
    blockTimeMs: BLOCK_TIME_MS,
    ...(options.treasuryPublicKey
      ? { treasuryPublicKey: toBase64Url(options.treasuryPublicKey) }
      : {}),
  });
  const node = await startNode({
    host: "127.0.0.1",
    port: 0,
    dataDir: dir,
    databaseUrl: join(dir, "node.sqlite"),
    genesis: dev.genesis,
    validatorSecretKey: fromBase64Url(dev.validators[0]!.secret_key),
    peers: [],
    adminApiKey: options.adminApiKey,
    logLevel: "silent",
  });
  const client = createAitbcClient({ nodeUrl: node.url, apiKey: options.adminApiKey });
  return {
    url: node.url,
    chainId: node.chainId,
    async fund(address, amount) {
      const before = BigInt((await client.node.getAccount({ path: { address } })).balance_micro);
      await client.node.requestFaucet({ body: { address, amount } });
      await pollUntil(async () => {
        const now = BigInt((await client.node.getAccount({ path: { address } })).balance_micro);
        return now > before;
      }, `faucet funds for ${address}`);
    },
    async close() {
      await node.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function pollUntil(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
