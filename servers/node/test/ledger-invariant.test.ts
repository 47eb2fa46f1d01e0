// Property: whatever mix of transfers, locks, releases, refunds, mints and faucets (valid or not,
// with right or wrong nonces) goes through proposal and block validation, the sum of balances and
// open escrows equals genesis + faucet + mints, no balance goes negative, and a validator that
// re-executes each block reaches the proposer's state root.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addressFromPublicKey,
  fromBase64Url,
  signTx,
  type SignedTx,
  type TxPayloads,
  type TxType,
} from "@aitbc/sdk";
import { createDevGenesis } from "../src/index.js";
import { chainEnv } from "../src/domain/chain/chain-env.js";
import { buildBlock, executeBlock } from "../src/domain/chain/execute-block.js";
import { genesisInfo, genesisLedger } from "../src/domain/chain/genesis-state.js";
import type { HeadInfo } from "../src/domain/chain/head.js";
import { commitOverlay, type LedgerState } from "../src/domain/ledger/state.js";
import { txHashFast } from "../src/domain/ledger/tx-hash.js";

const dev = createDevGenesis({ validators: 1, blockTimeMs: 100 });
const users = [0, 1, 2, 3].map(() => createDevGenesis({ validators: 1 }).validators[0]!);
const genesis = {
  ...dev.genesis,
  genesis_time: new Date(0).toISOString(),
  // Dust amounts keep the property's search space small; the minimum escrow has its own test.
  min_escrow: "0",
  allocations: [
    { address: users[0]!.address, amount: "500" },
    { address: users[1]!.address, amount: "500" },
  ],
};
const GENESIS_SUPPLY = 1000n;
const settlement = dev.settlement!;
const treasury = dev.treasury!;
const validator = dev.validators[0]!;

type Op =
  | { kind: "transfer"; from: number; to: number; amount: number }
  | { kind: "lock"; from: number; job: number; amount: number }
  | { kind: "release"; job: number; paid: number; provider: number; skew: number }
  | { kind: "refund"; job: number }
  | { kind: "mint"; to: number; amount: number }
  | { kind: "faucet"; to: number; amount: number }
  | { kind: "badNonce"; from: number; to: number; delta: number };

const user = fc.integer({ min: 0, max: 3 });
const amount = fc.integer({ min: 0, max: 700 });
const job = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("transfer" as const), from: user, to: user, amount }),
  fc.record({ kind: fc.constant("lock" as const), from: user, job, amount }),
  fc.record({
    kind: fc.constant("release" as const),
    job,
    paid: amount,
    provider: user,
    skew: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -2, max: 2 })),
  }),
  fc.record({ kind: fc.constant("refund" as const), job }),
  fc.record({ kind: fc.constant("mint" as const), to: user, amount }),
  fc.record({ kind: fc.constant("faucet" as const), to: user, amount }),
  fc.record({
    kind: fc.constant("badNonce" as const),
    from: user,
    to: user,
    delta: fc.oneof(fc.constant(-1), fc.constant(1)),
  }),
);

function openAmount(state: LedgerState, job: number): bigint | undefined {
  const e = state.escrow(`job-${job}`);
  return e?.status === "locked" ? e.amount : undefined;
}

function checkInvariant(state: LedgerState, minted: bigint) {
  let balances = 0n;
  for (const a of state.accounts.values()) {
    expect(a.balance).toBeGreaterThanOrEqual(0n);
    balances += a.balance;
  }
  let locked = 0n;
  for (const e of state.escrows.values()) {
    // A released escrow keeps only a tombstone; where its money went is in the balances.
    if (e.status === "locked") locked += e.amount;
  }
  expect(balances + locked).toBe(GENESIS_SUPPLY + minted);
}

describe("ledger invariant", () => {
  it("holds over random transfers, locks, releases, refunds, mints and faucets", () => {
    // Counts what blocks really included, so the property cannot pass by rejecting everything.
    const included = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.array(fc.array(op, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        (blocks) => {
          const proposerEnv = chainEnv(genesis);
          const validatorEnv = chainEnv(genesis);
          const state = genesisLedger(genesis);
          const mirror = genesisLedger(genesis);
          let head: HeadInfo = genesisInfo(proposerEnv);
          let minted = 0n;
          const nonces = new Map<string, number>();
          const jobAmount = new Map<number, number>();

          const sign = <T extends TxType>(
            key: { secret_key: string; address: string },
            type: T,
            payload: TxPayloads[T],
            nonceDelta = 0,
          ): SignedTx => {
            const next = (nonces.get(key.address) ?? state.account(key.address).nonce) + nonceDelta;
            if (nonceDelta === 0) nonces.set(key.address, next + 1);
            return signTx(
              { type, chainId: genesis.chain_id, nonce: Math.max(0, next), payload },
              fromBase64Url(key.secret_key),
            );
          };

          for (const ops of blocks) {
            nonces.clear();
            const txs: SignedTx[] = [];
            for (const o of ops) {
              switch (o.kind) {
                case "transfer":
                  txs.push(
                    sign(users[o.from]!, "transfer", {
                      to: users[o.to]!.address,
                      amount: String(o.amount),
                    }),
                  );
                  break;
                case "lock":
                  jobAmount.set(o.job, o.amount);
                  txs.push(
                    sign(users[o.from]!, "escrow_lock", {
                      job_id: `job-${o.job}`,
                      amount: String(o.amount),
                    }),
                  );
                  break;
                case "release": {
                  const locked = openAmount(state, o.job) ?? BigInt(jobAmount.get(o.job) ?? 0);
                  const paid = BigInt(Math.min(o.paid, Number(locked)));
                  const refund = locked - paid + BigInt(o.skew);
                  txs.push(
                    sign(settlement, "escrow_release", {
                      job_id: `job-${o.job}`,
                      paid: String(paid),
                      refund: String(refund < 0n ? 0n : refund),
                      provider: users[o.provider]!.address,
                    }),
                  );
                  break;
                }
                case "refund": {
                  const locked = openAmount(state, o.job) ?? BigInt(jobAmount.get(o.job) ?? 0);
                  txs.push(
                    sign(settlement, "escrow_release", {
                      job_id: `job-${o.job}`,
                      paid: "0",
                      refund: String(locked),
                    }),
                  );
                  break;
                }
                case "mint":
                  txs.push(
                    sign(treasury, "mint", { to: users[o.to]!.address, amount: String(o.amount) }),
                  );
                  break;
                case "faucet":
                  txs.push(
                    sign(validator, "faucet", {
                      to: users[o.to]!.address,
                      amount: String(o.amount),
                    }),
                  );
                  break;
                case "badNonce":
                  txs.push(
                    sign(
                      users[o.from]!,
                      "transfer",
                      { to: users[o.to]!.address, amount: "1" },
                      o.delta,
                    ),
                  );
                  break;
              }
            }
            const candidates = txs.map((tx) => ({ tx, hash: txHashFast(tx) }));
            const ts = head.timestampMs + 100;
            const built = buildBlock(
              head,
              state,
              candidates,
              proposerEnv,
              { secretKey: fromBase64Url(validator.secret_key) },
              0,
              ts,
            );
            // A second node checks the block from scratch and must reach the same state root.
            const checked = executeBlock(built.executed.block, head, mirror, validatorEnv);
            expect(checked.info.stateRoot).toBe(built.executed.info.stateRoot);
            for (const tx of built.executed.block.transactions) {
              const p = tx.payload as { paid?: string; amount?: string };
              const kind = tx.type === "escrow_release" && p.paid === "0" ? "refund" : tx.type;
              included.set(kind, (included.get(kind) ?? 0) + 1);
              if (tx.type === "mint" || tx.type === "faucet") minted += BigInt(p.amount!);
            }
            commitOverlay(state, built.executed.overlay);
            commitOverlay(mirror, checked.overlay);
            head = built.executed.info;
            checkInvariant(state, minted);
          }
        },
      ),
      { numRuns: 60 },
    );
    for (const kind of ["transfer", "escrow_lock", "escrow_release", "refund", "mint", "faucet"])
      expect(included.get(kind) ?? 0, kind).toBeGreaterThan(0);
  });

  it("the genesis addresses are what the test thinks", () => {
    expect(addressFromPublicKey(users[0]!.public_key)).toBe(users[0]!.address);
  });
});
