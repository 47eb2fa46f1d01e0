// The bank test: clients move money between their accounts through the wallet while the chain
// node and the wallet are SIGKILLed in turn. Money is conserved, never negative, never paid twice,
// and whatever the wallet acknowledged is on chain once both are back.
//
// Each request's amount ends in its own sequence number (micro-AITBC below 1 AITBC), so a request
// paid twice shows up on chain as two transfers with the same ending.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AitbcError, createAitbcClient, fromMicro, sleep, type AitbcClient } from "@aitbc/sdk";
import { createTestDatabase } from "@aitbc/server-lib";
import { eventually, startCoordinatorDouble } from "@aitbc/server-lib/testing";
import { writeDevChain } from "@aitbc/node";
import { builtWalletMain, walletPackageDir as packageDir } from "./built-wallet.js";
import { startChildService, type ChildService } from "./child-service.js";

const ADMIN_KEY = "bank-admin-key-0123456789";
const CLIENTS = 8;
const START_AITBC = 1000;
const MICRO = 1_000_000n;
const SEQ_SPACE = 1_000_000;

export interface BankOptions {
  kind: "sqlite" | "postgres";
  seconds: number;
  killEveryMs: number;
}

export interface BankFigures {
  kind: string;
  seconds: number;
  kills: { node: number; wallet: number };
  requests: number;
  acked: number;
  ackedPending: number;
  refused: number;
  gaveUp: number;
  consistentReads: number;
  tornReads: number;
  transfersOnChain: number;
  /** Failed attempts (later retried) by what they failed with. */
  retried: Record<string, number>;
  recoveryMs: number;
  /** How long each restart took until the service listened again, ms. */
  restartMs: { node: number[]; wallet: number[] };
  violations: string[];
}

interface Ack {
  seq: number;
  txHash: string;
  amountMicro: bigint;
  /** What the wallet answered: `confirmed@<height>` or `pending`. */
  answered: string;
}

export async function runBank(options: BankOptions): Promise<BankFigures> {
  const walletMain = builtWalletMain();
  const dir = mkdtempSync(join(tmpdir(), "aitbc-bank-"));
  const db = createTestDatabase(options.kind);
  const coordinator = await startCoordinatorDouble();
  const chain = writeDevChain(join(dir, "chain"), {
    validators: 1,
    chainId: "aitbc-bank",
    blockTimeMs: 500,
  });
  const services: ChildService[] = [];
  try {
    const node = await startChildService({
      name: "node",
      args: [join(packageDir, "..", "node", "dist", "main.js")],
      cwd: packageDir,
      env: {
        AITBC_NODE_PORT: "0",
        AITBC_DATA_DIR: join(dir, "node"),
        AITBC_GENESIS_FILE: chain.genesisFile,
        AITBC_DATABASE_URL: join(dir, "node.sqlite"),
        AITBC_VALIDATOR_SECRET_KEY: chain.validators[0]!.secret_key,
        AITBC_ADMIN_API_KEY: ADMIN_KEY,
      },
    });
    services.push(node);
    const wallet = await startChildService({
      name: "wallet",
      args: [walletMain],
      cwd: packageDir,
      env: {
        AITBC_WALLET_PORT: "0",
        AITBC_DATA_DIR: join(dir, "wallet"),
        AITBC_DATABASE_URL: db.url,
        ...(db.schema ? { AITBC_WALLET_DATABASE_SCHEMA: db.schema } : {}),
        AITBC_NODE_URL: node.url,
        AITBC_COORDINATOR_URL: coordinator.url,
        AITBC_ADMIN_API_KEY: ADMIN_KEY,
        AITBC_WALLET_PASSPHRASE: "bank test passphrase",
        AITBC_CHAIN_ID: "aitbc-bank",
        AITBC_WALLET_RATE_LIMIT: "0",
        AITBC_WALLET_CONFIRM_TIMEOUT_MS: "5000",
        AITBC_WALLET_RECONCILE_MS: "500",
      },
    });
    services.push(wallet);

    const client = (apiKey: string) =>
      createAitbcClient({
        walletUrl: wallet.url,
        nodeUrl: node.url,
        apiKey,
        http: { retries: 0 },
      });
    const admin = client(ADMIN_KEY);
    const accounts: Array<{ address: string; client: AitbcClient }> = [];
    for (let i = 0; i < CLIENTS; i++) {
      const { address } = await admin.wallet.createAccount({ body: { account_id: `bank-${i}` } });
      const apiKey = coordinator.addAccount({ id: `bank-${i}`, role: "customer", address });
      await admin.node.requestFaucet({ body: { address, amount: START_AITBC } });
      accounts.push({ address, client: client(apiKey) });
    }
    const total = BigInt(START_AITBC) * MICRO * BigInt(CLIENTS);
    const balances = () =>
      Promise.all(
        accounts.map(async (a) =>
          BigInt((await admin.node.getAccount({ path: { address: a.address } })).balance_micro),
        ),
      );
    await until(async () => sum(await balances()) === total, 30_000, "the faucet");

    const figures: BankFigures = {
      kind: options.kind,
      seconds: options.seconds,
      kills: { node: 0, wallet: 0 },
      requests: 0,
      acked: 0,
      ackedPending: 0,
      refused: 0,
      gaveUp: 0,
      consistentReads: 0,
      tornReads: 0,
      transfersOnChain: 0,
      retried: {},
      recoveryMs: 0,
      restartMs: { node: [], wallet: [] },
      violations: [],
    };
    const acks: Ack[] = [];
    const stopAt = Date.now() + options.seconds * 1000;
    let seq = 0;

    const pay = async (from: number): Promise<void> => {
      while (Date.now() < stopAt) {
        const n = ++seq;
        let to = Math.floor(Math.random() * (CLIENTS - 1));
        if (to >= from) to++;
        const amountMicro = BigInt(1 + Math.floor(Math.random() * 20)) * MICRO + BigInt(n);
        const body = { to: accounts[to]!.address, amount: fromMicro(amountMicro) };
        const headers = { "Idempotency-Key": `bank-request-${n}` };
        figures.requests++;
        // A careful client: the same key again until an answer, for up to 60 s.
        const deadline = Date.now() + 60_000;
        for (;;) {
          try {
            const t = await accounts[from]!.client.wallet.createTransfer({ body, headers });
            acks.push({
              seq: n,
              txHash: t.tx_hash,
              amountMicro,
              answered: t.status === "confirmed" ? `confirmed@${t.block_height}` : "pending",
            });
            figures.acked++;
            if (t.status === "pending") figures.ackedPending++;
            break;
          } catch (err) {
            if (err instanceof AitbcError && err.status === 402) {
              figures.refused++;
              break;
            }
            const retryable =
              !(err instanceof AitbcError) ||
              err.status === 0 ||
              err.status >= 500 ||
              err.code === "idempotency_in_progress";
            if (!retryable) {
              figures.violations.push(`request ${n}: unexpected ${describe(err)}`);
              break;
            }
            const why =
              err instanceof AitbcError
                ? `${err.status} ${err.code}${err.status === 0 ? ` ${String((err as { cause?: unknown }).cause)}` : ""}`
                : String(err);
            figures.retried[why] = (figures.retried[why] ?? 0) + 1;
            if (Date.now() > deadline) {
              figures.gaveUp++;
              break;
            }
            await sleep(300);
          }
        }
      }
    };

    const read = async (): Promise<void> => {
      while (Date.now() < stopAt) {
        try {
          const before = (await admin.node.getLatestBlock()).height;
          const seen = await balances();
          const after = (await admin.node.getLatestBlock()).height;
          if (before !== after) figures.tornReads++;
          else {
            figures.consistentReads++;
            check(figures, seen, total, `read at height ${before}`);
          }
        } catch {
          await sleep(100);
        }
        await sleep(50);
      }
    };

    // One of the two is SIGKILLed killEveryMs after both are up again, in turn, and started again.
    // (Starting a service takes seconds; killing whatever is up every 2 s regardless would leave
    // the bank down for the whole run on a loaded machine and test nothing.)
    const kill = async (): Promise<void> => {
      for (let turn = 0; ; turn++) {
        await sleep(options.killEveryMs);
        if (Date.now() >= stopAt) return;
        const target = turn % 2 === 0 ? wallet : node;
        const which = target === wallet ? "wallet" : "node";
        await target.kill();
        figures.kills[which]++;
        const downAt = Date.now();
        await target.start();
        figures.restartMs[which].push(Date.now() - downAt);
      }
    };

    await Promise.all([...accounts.map((_, i) => pay(i)), read(), kill()]);

    // Recovery: both are up; every acknowledged transfer must be (or become) part of the chain.
    const recoveredFrom = Date.now();
    const missing = new Set(acks.map((a) => a.txHash));
    await until(
      async () => {
        for (const hash of [...missing]) {
          const t = await admin.node
            .getTransaction({ body: { tx_hash: hash } })
            .catch(() => undefined);
          if (t?.status === "confirmed") missing.delete(hash);
        }
        return missing.size === 0;
      },
      60_000,
      "acknowledged transfers",
    ).catch(() => undefined);
    figures.recoveryMs = Date.now() - recoveredFrom;
    if (missing.size) {
      const records = await db.open();
      try {
        for (const a of acks.filter((x) => missing.has(x.txHash))) {
          const row = await records("wallet_transfers").where({ tx_hash: a.txHash }).first();
          figures.violations.push(
            `acknowledged transfer ${a.txHash} (answered ${a.answered}, nonce ${String(row?.nonce)}, wallet record ${row ? String(row.status) : "gone"}) is not on chain`,
          );
        }
      } finally {
        await records.destroy();
      }
    }

    // Let the wallet's reconciler finish what nobody waited for, then look at the whole chain.
    await sleep(1500);
    const onChain = await chainTransfers(
      admin,
      accounts.map((a) => a.address),
    );
    figures.transfersOnChain = onChain.size;
    const bySeq = new Map<number, string[]>();
    for (const [hash, micro] of onChain) {
      const n = Number(micro % BigInt(SEQ_SPACE));
      bySeq.set(n, [...(bySeq.get(n) ?? []), hash]);
    }
    for (const [n, hashes] of bySeq)
      if (hashes.length > 1) figures.violations.push(`request ${n} paid ${hashes.length} times`);
    for (const a of acks)
      if (onChain.has(a.txHash) && onChain.get(a.txHash) !== a.amountMicro)
        figures.violations.push(`transfer ${a.txHash} moved another amount`);
    check(figures, await balances(), total, "final read");
    return figures;
  } finally {
    for (const s of services.reverse()) await s.close();
    await coordinator.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

function check(figures: BankFigures, seen: bigint[], total: bigint, what: string): void {
  const s = sum(seen);
  if (s !== total) figures.violations.push(`${what}: balances sum to ${s}, not ${total}`);
  if (seen.some((b) => b < 0n)) figures.violations.push(`${what}: a negative balance`);
}

/** Every confirmed transfer touching the addresses: hash → amount (micro). */
async function chainTransfers(
  admin: AitbcClient,
  addresses: string[],
): Promise<Map<string, bigint>> {
  const found = new Map<string, bigint>();
  for (const address of addresses) {
    let cursor: string | undefined;
    do {
      const page = await admin.node.listTransactions({
        query: { address, limit: 100, ...(cursor ? { cursor } : {}) },
      });
      for (const t of page.items)
        if (t.type === "transfer" && t.status === "confirmed")
          found.set(t.tx_hash, BigInt(t.amount_micro));
      cursor = page.page.next_cursor ?? undefined;
    } while (cursor);
  }
  return found;
}

function describe(err: unknown): string {
  if (err instanceof AitbcError) return `${err.status} ${err.code}: ${err.message}`;
  return String(err);
}

function sum(xs: bigint[]): bigint {
  return xs.reduce((a, b) => a + b, 0n);
}

/** Errors count as "not yet": a service may still be coming back. */
async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  await eventually(check, what, timeoutMs, 200);
}
