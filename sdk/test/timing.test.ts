// The SDK's one sleep, backoff policy and polling loop: a retry waits as long as the policy says,
// a stop wakes every wait at once, and a poll ends with the answer or a timeout that names it.
import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  createBackoff,
  pollUntil,
  PollTimeoutError,
  sleep,
} from "../src/timing/index.js";

describe("sleep", () => {
  it("waits the given time", async () => {
    const started = performance.now();
    await sleep(60);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it("wakes at once, without throwing, when the signal aborts", async () => {
    const stop = new AbortController();
    const started = performance.now();
    const waiting = sleep(60_000, stop.signal);
    setTimeout(() => stop.abort(new Error("stopping")), 20);
    await expect(waiting).resolves.toBeUndefined();
    expect(performance.now() - started).toBeLessThan(5_000);
    const aborted = performance.now();
    await sleep(60_000, stop.signal);
    expect(performance.now() - aborted).toBeLessThan(1_000);
  });
});

describe("backoffDelay", () => {
  it("doubles from the base, up to the cap", () => {
    const policy = { baseMs: 100, maxMs: 1_000, jitter: false };
    expect([0, 1, 2, 3, 4, 10, 1_000].map((a) => backoffDelay(a, policy))).toEqual([
      100, 200, 400, 800, 1_000, 1_000, 1_000,
    ]);
  });

  it("spreads each delay over its upper half, never above the cap", () => {
    for (let i = 0; i < 500; i++) {
      const attempt = i % 8;
      const full = Math.min(2_000, 150 * 2 ** attempt);
      const d = backoffDelay(attempt, { baseMs: 150, maxMs: 2_000 });
      expect(d).toBeGreaterThanOrEqual(Math.floor(full / 2));
      expect(d).toBeLessThanOrEqual(full);
    }
  });

  it("createBackoff counts attempts and starts over after reset", () => {
    const b = createBackoff(1_000, 60_000);
    const first = b.next();
    b.next();
    b.next();
    const fourth = b.next();
    expect(first).toBeLessThanOrEqual(1_000);
    expect(fourth).toBeGreaterThanOrEqual(4_000);
    b.reset();
    expect(b.next()).toBeLessThanOrEqual(1_000);
  });
});

describe("pollUntil", () => {
  it("returns the first answer that is not undefined", async () => {
    let calls = 0;
    const value = await pollUntil(async () => (++calls === 3 ? { calls } : undefined), {
      timeoutMs: 5_000,
      intervalMs: 10,
    });
    expect(value).toEqual({ calls: 3 });
  });

  it("accepts falsy answers other than undefined", async () => {
    await expect(pollUntil(async () => 0, { timeoutMs: 100 })).resolves.toBe(0);
    await expect(pollUntil(async () => false, { timeoutMs: 100 })).resolves.toBe(false);
  });

  it("times out naming what it waited for, or with the caller's error", async () => {
    const never = async () => undefined;
    const err = await pollUntil(never, { timeoutMs: 50, intervalMs: 10, what: "the block" }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PollTimeoutError);
    expect((err as Error).message).toBe("Timed out after 0.05 s waiting for the block.");
    await expect(
      pollUntil(never, { timeoutMs: 20, intervalMs: 5, timeoutError: () => new Error("mine") }),
    ).rejects.toThrow("mine");
  });

  it("lets the probe's errors through", async () => {
    await expect(
      pollUntil(
        async () => {
          throw new Error("refused");
        },
        { timeoutMs: 1_000 },
      ),
    ).rejects.toThrow("refused");
  });

  it("stops with the signal's reason", async () => {
    const stop = new AbortController();
    setTimeout(() => stop.abort(new Error("stopped")), 30);
    await expect(
      pollUntil(async () => undefined, {
        timeoutMs: 60_000,
        intervalMs: 10_000,
        signal: stop.signal,
      }),
    ).rejects.toThrow("stopped");
  });
});
