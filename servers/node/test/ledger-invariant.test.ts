// Property: whatever mix of transfers, locks, releases, refunds, mints, faucets, deposit locks,
// withdrawals, releases, settlement batches, bond locks, unlocks, releases and slashes (valid or
// not, with right or wrong nonces) goes through proposal and block validation, the sum of
// balances, open escrows, deposits, bonds and the verification pool equals genesis + faucet +
// mints, no balance, deposit or bond goes negative, and a validator that re-executes each block
// reaches the proposer's state root. The same holds when the settlement key pays fees into the
// verification pool (escrow releases, batch items), slashes bonds and pays re-runs from the pool.
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
  // Withdrawals unlock on the next block, so releases happen within a few generated blocks.
  deposit_withdraw_delay_blocks: 1,
  bond_unlock_delay_blocks: 1,
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
  | { kind: "badNonce"; from: number; to: number; delta: number }
  | { kind: "depositLock"; from: number; amount: number }
  | { kind: "depositWithdraw"; from: number }
  | { kind: "depositRelease"; from: number }
  | {
      kind: "settle";
      batch: number;
      items: Array<{ owner: number; provider: number; paid: number; job: number }>;
    }
  | { kind: "bondLock"; from: number; amount: number }
  | { kind: "bondUnlock"; from: number }
  | { kind: "bondRelease"; from: number }
  | {
      kind: "slash";
      provider: number;
      job: number;
      customer: number;
      refund: number;
      penalty: number;
      signer: "settlement" | "provider";
    };

const user = fc.integer({ min: 0, max: 3 });
const amount = fc.integer({ min: 0, max: 700 });
const job = fc.integer({ min: 0, max: 2 });
// Deposits go to the two funded users, so locks, withdrawals and releases meet often enough.
const depositor = fc.integer({ min: 0, max: 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("transfer" as const), from: user, to: user, amount }),
  fc.record({ kind: fc.constant("lock" as const), from: user, job, amount }),
  // Releases and refunds need a matching lock first; weighted up so that blocks include some.
  {
    arbitrary: fc.record({
      kind: fc.constant("release" as const),
      job,
      paid: amount,
      provider: user,
      skew: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -2, max: 2 })),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant("refund" as const), job }), weight: 2 },
  fc.record({ kind: fc.constant("mint" as const), to: user, amount }),
  fc.record({ kind: fc.constant("faucet" as const), to: user, amount }),
  fc.record({
    kind: fc.constant("badNonce" as const),
    from: user,
    to: user,
    delta: fc.oneof(fc.constant(-1), fc.constant(1)),
  }),
  fc.record({ kind: fc.constant("depositLock" as const), from: depositor, amount }),
  // Weighted up: a release needs a lock and a withdrawal in an earlier block first.
  {
    arbitrary: fc.record({ kind: fc.constant("depositWithdraw" as const), from: depositor }),
    weight: 3,
  },
  // Weighted up: a release needs a lock and a withdrawal in an earlier block first.
  {
    arbitrary: fc.record({ kind: fc.constant("depositRelease" as const), from: depositor }),
    weight: 3,
  },
  fc.record({
    kind: fc.constant("settle" as const),
    batch: fc.integer({ min: 0, max: 5 }),
    items: fc.array(
      fc.record({
        owner: depositor,
        provider: user,
        paid: fc.integer({ min: 0, max: 120 }),
        // Job ids 0-2 are also the escrow tests' ids, so batches meet escrowed jobs too.
        job: fc.integer({ min: 0, max: 6 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
);

const bondOps: Array<fc.WeightedArbitrary<Op>> = [
  {
    arbitrary: fc.record({
      kind: fc.constant("bondLock" as const),
      from: depositor,
      amount: fc.integer({ min: 0, max: 200 }),
    }),
    weight: 2,
  },
  // Weighted up: a release needs a lock and an unlock in an earlier block first.
  {
    arbitrary: fc.record({ kind: fc.constant("bondUnlock" as const), from: depositor }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant("bondRelease" as const), from: depositor }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("slash" as const),
      provider: depositor,
      // Few job ids, so that repeated slashes of one job are tried too.
      job: fc.integer({ min: 0, max: 4 }),
      customer: user,
      refund: fc.integer({ min: 0, max: 40 }),
      penalty: fc.integer({ min: 0, max: 20 }),
      // Now and then a provider tries to sign its own slash.
      signer: fc.oneof(
        fc.constant("settlement" as const),
        fc.constant("settlement" as const),
        fc.constant("provider" as const),
      ),
    }),
    weight: 1,
  },
];
const anyOp: fc.Arbitrary<Op> = fc.oneof({ arbitrary: op, weight: 16 }, ...bondOps);

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
  let deposited = 0n;
  let bonded = 0n;
  let pool = 0n;
  for (const r of state.records.values())
    if (r.kind === "deposit") {
      expect(r.amount).toBeGreaterThanOrEqual(0n);
      deposited += r.amount;
    } else if (r.kind === "bond") {
      expect(r.amount).toBeGreaterThanOrEqual(0n);
      bonded += r.amount;
    } else if (r.kind === "pool") pool += r.amount;
  expect(balances + locked + deposited + bonded + pool).toBe(GENESIS_SUPPLY + minted);
}

describe("ledger invariant", () => {
  // Enough runs for every kind to land in some block, which takes a while on shared cores.
  it("holds over random transfers, escrows, mints, faucets, deposits, settlement batches and bonds", () => {
    // Counts what blocks really included, so the property cannot pass by rejecting everything.
    const included = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.array(fc.array(anyOp, { minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 6 }),
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
                case "depositLock":
                  txs.push(sign(users[o.from]!, "deposit_lock", { amount: String(o.amount) }));
                  break;
                case "depositWithdraw":
                  txs.push(sign(users[o.from]!, "deposit_withdraw", {}));
                  break;
                case "depositRelease":
                  txs.push(sign(users[o.from]!, "deposit_release", {}));
                  break;
                case "settle":
                  txs.push(
                    sign(settlement, "settlement_batch", {
                      batch_id: `batch-${o.batch}`,
                      receipts_root: "0x" + "ab".repeat(32),
                      items: o.items.map((i) => ({
                        deposit_owner: users[i.owner]!.address,
                        provider: users[i.provider]!.address,
                        paid: String(i.paid),
                        job_id: `job-${i.job}`,
                      })),
                    }),
                  );
                  break;
                case "bondLock":
                  txs.push(sign(users[o.from]!, "bond_lock", { amount: String(o.amount) }));
                  break;
                case "bondUnlock":
                  txs.push(sign(users[o.from]!, "bond_unlock", {}));
                  break;
                case "bondRelease":
                  txs.push(sign(users[o.from]!, "bond_release", {}));
                  break;
                case "slash":
                  txs.push(
                    sign(
                      o.signer === "settlement" ? settlement : users[o.provider]!,
                      "bond_slash",
                      {
                        provider: users[o.provider]!.address,
                        job_id: `job-${o.job}`,
                        customer: users[o.customer]!.address,
                        refund: String(o.refund),
                        penalty: String(o.penalty),
                        reason: "spot_check_failed",
                      },
                    ),
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
      // A fixed seed: the check below, that every kind of transaction landed in some block, must
      // not depend on luck; change the seed to explore other histories.
      { numRuns: 150, seed: 20261203 },
    );
    for (const kind of [
      "transfer",
      "escrow_lock",
      "escrow_release",
      "refund",
      "mint",
      "faucet",
      "deposit_lock",
      "deposit_withdraw",
      "deposit_release",
      "settlement_batch",
      "bond_lock",
      "bond_unlock",
      "bond_release",
      "bond_slash",
    ])
      expect(included.get(kind) ?? 0, kind).toBeGreaterThan(0);
  }, 180_000);

  // The settlement key's transactions move the pool. Each block carries at most one of them, so
  // that a refused one does not leave the next with a nonce gap: every kind lands often.
  it("holds over pool fees on releases and batch items, slashes and pool payouts", () => {
    const included = new Map<string, number>();
    const count = (k: string) => included.set(k, (included.get(k) ?? 0) + 1);
    const funded = fc.integer({ min: 0, max: 1 });
    const feeOp = fc.oneof(
      fc.record({
        kind: fc.constant("release" as const),
        job: fc.integer({ min: 0, max: 3 }),
        paidShare: fc.integer({ min: 0, max: 4 }),
        provider: user,
        // Above 40 may be above what is paid: refused whole.
        fee: fc.integer({ min: 0, max: 60 }),
      }),
      fc.record({
        kind: fc.constant("settle" as const),
        batch: fc.integer({ min: 0, max: 9 }),
        items: fc.array(
          fc.record({
            owner: funded,
            provider: user,
            paid: fc.integer({ min: 1, max: 60 }),
            job: fc.integer({ min: 10, max: 19 }),
            fee: fc.integer({ min: 0, max: 70 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      fc.record({
        kind: fc.constant("slash" as const),
        provider: funded,
        job: fc.integer({ min: 0, max: 4 }),
        customer: user,
        refund: fc.integer({ min: 0, max: 20 }),
        penalty: fc.integer({ min: 0, max: 40 }),
      }),
      {
        arbitrary: fc.record({
          kind: fc.constant("payout" as const),
          // Few re-run ids, so that a second payout for one is tried too.
          job: fc.integer({ min: 0, max: 5 }),
          provider: user,
          amount: fc.integer({ min: 0, max: 60 }),
        }),
        weight: 2,
      },
    );
    const userOp = fc.oneof(
      fc.record({
        kind: fc.constant("lock" as const),
        from: funded,
        job: fc.integer({ min: 0, max: 3 }),
        amount: fc.integer({ min: 1, max: 100 }),
      }),
      fc.record({
        kind: fc.constant("deposit" as const),
        from: funded,
        amount: fc.integer({ min: 1, max: 150 }),
      }),
      fc.record({
        kind: fc.constant("bond" as const),
        from: funded,
        amount: fc.integer({ min: 1, max: 150 }),
      }),
    );
    const block = fc.record({
      users: fc.array(userOp, { maxLength: 3 }),
      settlement: fc.option(feeOp, { nil: undefined }),
    });

    fc.assert(
      fc.property(fc.array(block, { minLength: 2, maxLength: 8 }), (blocks) => {
        const proposerEnv = chainEnv(genesis);
        const validatorEnv = chainEnv(genesis);
        const state = genesisLedger(genesis);
        const mirror = genesisLedger(genesis);
        let head: HeadInfo = genesisInfo(proposerEnv);
        for (const b of blocks) {
          const nonces = new Map<string, number>();
          const sign = <T extends TxType>(
            key: { secret_key: string; address: string },
            type: T,
            payload: TxPayloads[T],
          ): SignedTx => {
            const nonce = nonces.get(key.address) ?? state.account(key.address).nonce;
            nonces.set(key.address, nonce + 1);
            return signTx(
              { type, chainId: genesis.chain_id, nonce, payload },
              fromBase64Url(key.secret_key),
            );
          };
          const txs: SignedTx[] = b.users.map((o) =>
            o.kind === "lock"
              ? sign(users[o.from]!, "escrow_lock", {
                  job_id: `job-${o.job}`,
                  amount: String(o.amount),
                })
              : sign(users[o.from]!, o.kind === "deposit" ? "deposit_lock" : "bond_lock", {
                  amount: String(o.amount),
                }),
          );
          const o = b.settlement;
          if (o?.kind === "release") {
            const locked = openAmount(state, o.job) ?? 0n;
            const paid = (locked * BigInt(o.paidShare)) / 4n;
            txs.push(
              sign(settlement, "escrow_release", {
                job_id: `job-${o.job}`,
                paid: String(paid),
                refund: String(locked - paid),
                provider: users[o.provider]!.address,
                ...(o.fee ? { pool_fee: String(o.fee) } : {}),
              }),
            );
          } else if (o?.kind === "settle") {
            txs.push(
              sign(settlement, "settlement_batch", {
                batch_id: `fee-batch-${o.batch}`,
                receipts_root: "0x" + "cd".repeat(32),
                items: o.items.map((i) => ({
                  deposit_owner: users[i.owner]!.address,
                  provider: users[i.provider]!.address,
                  paid: String(i.paid),
                  job_id: `job-${i.job}`,
                  ...(i.fee ? { pool_fee: String(i.fee) } : {}),
                })),
              }),
            );
          } else if (o?.kind === "slash") {
            txs.push(
              sign(settlement, "bond_slash", {
                provider: users[o.provider]!.address,
                job_id: `job-${o.job}`,
                customer: users[o.customer]!.address,
                refund: String(o.refund),
                penalty: String(o.penalty),
                reason: "spot_check_failed",
              }),
            );
          } else if (o?.kind === "payout") {
            txs.push(
              sign(settlement, "pool_payout", {
                job_id: `rerun-${o.job}`,
                provider: users[o.provider]!.address,
                amount: String(o.amount),
                reason: "verification_rerun",
              }),
            );
          }
          const candidates = txs.map((tx) => ({ tx, hash: txHashFast(tx) }));
          const built = buildBlock(
            head,
            state,
            candidates,
            proposerEnv,
            { secretKey: fromBase64Url(validator.secret_key) },
            0,
            head.timestampMs + 100,
          );
          const checked = executeBlock(built.executed.block, head, mirror, validatorEnv);
          expect(checked.info.stateRoot).toBe(built.executed.info.stateRoot);
          for (const tx of built.executed.block.transactions) {
            const p = tx.payload as { pool_fee?: string; items?: Array<{ pool_fee?: string }> };
            count(tx.type);
            if (p.pool_fee) count("release with a pool fee");
            if (p.items?.some((i) => i.pool_fee)) count("batch with a pool fee");
          }
          commitOverlay(state, built.executed.overlay);
          commitOverlay(mirror, checked.overlay);
          head = built.executed.info;
          checkInvariant(state, 0n);
        }
      }),
      { numRuns: 150, seed: 20261203 },
    );
    for (const kind of [
      "release with a pool fee",
      "batch with a pool fee",
      "bond_slash",
      "pool_payout",
    ])
      expect(included.get(kind) ?? 0, kind).toBeGreaterThan(0);
  }, 180_000);

  it("the genesis addresses are what the test thinks", () => {
    expect(addressFromPublicKey(users[0]!.public_key)).toBe(users[0]!.address);
  });
});
