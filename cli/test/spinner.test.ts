import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Output } from "../src/output/output.js";

describe("progress on a terminal", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function terminal() {
    let stderr = "";
    const out = new Output(
      {
        stdout: () => {},
        stderr: (t) => (stderr += t),
        interactive: true,
        decorated: true,
      },
      false,
    );
    return { out, stderr: () => stderr };
  }

  it("shows a short wait as a plain line, and a wait over a second as a spinner with the elapsed time", () => {
    const { out, stderr } = terminal();
    out.progress("waiting for a miner…");
    vi.advanceTimersByTime(500);
    expect(stderr()).toContain("waiting for a miner…");
    expect(stderr()).not.toMatch(/\(\d+s\)/);
    vi.advanceTimersByTime(2600);
    expect(stderr()).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] waiting for a miner… \(3s\)$/);
    // Several different frames were drawn: it moves.
    expect(new Set(stderr().match(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/g)).size).toBeGreaterThan(3);
  });

  it("stops drawing once cleared, and a line of output clears it", () => {
    const { out, stderr } = terminal();
    out.progress("checking services…");
    vi.advanceTimersByTime(1500);
    out.line("done");
    const after = stderr();
    expect(after.endsWith("\r\x1b[2K")).toBe(true);
    vi.advanceTimersByTime(3000);
    expect(stderr()).toBe(after);
  });

  it("draws nothing when stderr is not a terminal", () => {
    let stderr = "";
    const out = new Output(
      { stdout: () => {}, stderr: (t) => (stderr += t), interactive: false },
      false,
    );
    out.progress("waiting…");
    vi.advanceTimersByTime(3000);
    out.clearProgress();
    expect(stderr).toBe("");
  });
});
