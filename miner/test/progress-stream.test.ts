// How generated text becomes progress requests: coalesced (a fast model must not cost one request
// per token), in order, never split inside a character, flushed at once when the output is final,
// and stopped by a cancel or a lost lease. `send` records what would go to the coordinator.
import { describe, expect, it } from "vitest";
import { ConflictError } from "@aitbc/sdk";
import { createProgressStream } from "../src/agent/progress-stream.js";
import type { ProgressEvent } from "../src/agent/coordinator-link.js";

function recorder(
  answer: () => { cancelled: boolean } | Promise<never> = () => ({ cancelled: false }),
) {
  const batches: ProgressEvent[][] = [];
  const state = { cancelled: 0, leaseLost: 0 };
  const stream = createProgressStream({
    send: async (events) => {
      batches.push(events.map((e) => ({ ...e })));
      return answer();
    },
    onCancelled: () => state.cancelled++,
    onLeaseLost: () => state.leaseLost++,
    minIntervalMs: 60_000, // only flush() may send before a minute passes
  });
  return { batches, state, stream };
}

describe("progress stream", () => {
  it("coalesces tokens into few requests, keeps order, and flush sends what is pending at once", async () => {
    const { batches, stream } = recorder();
    stream.log("rig-01: running aitbc-tiny:latest");
    const words = Array.from({ length: 1000 }, (_, i) => ` w${i}`);
    for (const w of words) stream.token(w);
    await stream.flush();
    const events = batches.flat();
    expect(batches.length).toBeLessThanOrEqual(2);
    expect(events[0]).toEqual({ kind: "log", text: "rig-01: running aitbc-tiny:latest" });
    expect(
      events
        .filter((e) => e.kind === "token")
        .map((e) => e.text)
        .join(""),
    ).toBe(words.join(""));
  });

  it("splits text over 64 KiB into several events without breaking a surrogate pair", async () => {
    const { batches, stream } = recorder();
    const text = "a".repeat(65_535) + "😀" + "b".repeat(10);
    stream.token(text);
    await stream.flush();
    const events = batches.flat();
    expect(events.length).toBe(2);
    expect(events.every((e) => e.text.length <= 65_536)).toBe(true);
    expect(events.map((e) => e.text).join("")).toBe(text);
    expect(events[1]!.text.startsWith("😀")).toBe(true);
  });

  it("stops when the coordinator says the job was cancelled", async () => {
    const { batches, state, stream } = recorder(() => ({ cancelled: true }));
    stream.token("one");
    await stream.flush();
    expect(state.cancelled).toBe(1);
    expect(stream.stopped).toBe(true);
    stream.token("two");
    await stream.flush();
    expect(batches.flat().map((e) => e.text)).toEqual(["one"]);
  });

  it("stops on a lost lease (409) and reports it", async () => {
    const { state, stream } = recorder(() =>
      Promise.reject(new ConflictError({ code: "lease_lost", status: 409 }, 409)),
    );
    stream.token("late");
    await stream.flush();
    expect(state.leaseLost).toBe(1);
    expect(stream.stopped).toBe(true);
  });
});
