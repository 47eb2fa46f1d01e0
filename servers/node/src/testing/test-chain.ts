// A real chain for other packages' tests (`@aitbc/node/testing`): one in-process validator on
// port 0, on a dev genesis (faucet enabled) with short blocks, in its own SQLite file. With
// `finalityHeld` the genesis names a second validator that is not running: blocks keep coming
// (the running one covers its slots), but none is final (2 of 2 are needed) until
// `releaseFinality()` starts it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDevGenesis } from "../domain/genesis/dev-genesis.js";
import { startNode } from "../start.js";
import { createAitbcClient, fromBase64Url, toBase64Url } from "@aitbc/sdk";
import { pollUntil } from "@aitbc/server-lib/testing";

export interface TestChain {
  url: string;
  chainId: string;
  /** The genesis settlement key's secret (what the coordinator signs escrow releases with). */
  settlementSecretKey: Uint8Array;
  /** Faucets `amount` AITBC to the address and waits until the balance shows it. */
  fund(address: string, amount: number): Promise<void>;
  /** Starts the absent second validator (finalityHeld), so blocks become final again. */
  releaseFinality(): Promise<void>;
  close(): Promise<void>;
}

const BLOCK_TIME_MS = 150;

export async function startTestChain(options: {
  adminApiKey: string;
  /** The genesis treasury key (the exchange's tests mint with its secret). */
  treasuryPublicKey?: Uint8Array;
  finalityHeld?: boolean;
  /** The genesis `deposit_withdraw_delay_blocks` (the chain's default when left out). */
  depositWithdrawDelayBlocks?: number;
  /** The genesis `bond_unlock_delay_blocks` (the chain's default when left out). */
  bondUnlockDelayBlocks?: number;
}): Promise<TestChain> {
  const dir = mkdtempSync(join(tmpdir(), "aitbc-test-node-"));
  const dev = createDevGenesis({
    validators: options.finalityHeld ? 2 : 1,
    chainId: "aitbc-test",
    blockTimeMs: BLOCK_TIME_MS,
    ...(options.depositWithdrawDelayBlocks !== undefined
      ? { depositWithdrawDelayBlocks: options.depositWithdrawDelayBlocks }
      : {}),
    ...(options.bondUnlockDelayBlocks !== undefined
      ? { bondUnlockDelayBlocks: options.bondUnlockDelayBlocks }
      : {}),
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
  let second: Awaited<ReturnType<typeof startNode>> | undefined;
  const client = createAitbcClient({ nodeUrl: node.url, apiKey: options.adminApiKey });
  return {
    url: node.url,
    chainId: node.chainId,
    settlementSecretKey: fromBase64Url(dev.settlement!.secret_key),
    async fund(address, amount) {
      const before = BigInt((await client.node.getAccount({ path: { address } })).balance_micro);
      await client.node.requestFaucet({ body: { address, amount } });
      await pollUntil(async () => {
        const now = BigInt((await client.node.getAccount({ path: { address } })).balance_micro);
        return now > before;
      }, `faucet funds for ${address}`);
    },
    async releaseFinality() {
      if (second || !options.finalityHeld) return;
      second = await startNode({
        host: "127.0.0.1",
        port: 0,
        dataDir: dir,
        databaseUrl: join(dir, "node-2.sqlite"),
        genesis: dev.genesis,
        validatorSecretKey: fromBase64Url(dev.validators[1]!.secret_key),
        peers: [node.p2pUrl],
        logLevel: "silent",
      });
    },
    async close() {
      await second?.close();
      await node.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
