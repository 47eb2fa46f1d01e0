import { describe, expect, it } from "vitest";
import {
  ConfigError,
  envBool,
  envInt,
  envString,
  fieldFromPath,
  listen,
  PortInUseError,
} from "../src/index.js";

describe("env config", () => {
  it("reads values with defaults and names the bad variable", () => {
    expect(envInt({ N: "5" }, "N", 1)).toBe(5);
    expect(envInt({}, "N", 1)).toBe(1);
    expect(() => envInt({ N: "5.5" }, "N", 1)).toThrow(/N must be an integer/);
    expect(() => envInt({ N: "0" }, "N", 1, { min: 1 })).toThrow(/N must be at least 1/);
    expect(envBool({ B: "yes" }, "B", false)).toBe(true);
    expect(() => envBool({ B: "maybe" }, "B", false)).toThrow(ConfigError);
    expect(() => envString({}, "REQUIRED")).toThrow(/REQUIRED is required/);
  });
});

describe("fieldFromPath", () => {
  it("turns validator paths into dotted field names", () => {
    expect(fieldFromPath("/body/budget/max_cost")).toBe("body.budget.max_cost");
    expect(fieldFromPath(".query.limit")).toBe("query.limit");
    expect(fieldFromPath("/body/items[2]/name")).toBe("body.items.2.name");
    expect(fieldFromPath(undefined)).toBe("request");
  });
});

describe("listen", () => {
  it("reports a port in use with its own error", async () => {
    const first = await listen(() => undefined, { port: 0 });
    try {
      await expect(listen(() => undefined, { port: first.port })).rejects.toBeInstanceOf(
        PortInUseError,
      );
    } finally {
      await first.close();
    }
  });

  it("lets an in-flight request finish when closing", async () => {
    let finish!: () => void;
    let arrived!: () => void;
    const inFlight = new Promise<void>((r) => (arrived = r));
    const running = await listen(
      (_req, res) => {
        finish = () => res.end("done");
        arrived();
      },
      { port: 0 },
    );
    const response = fetch(running.url);
    await inFlight;
    const closed = running.close(5000);
    finish();
    expect(await (await response).text()).toBe("done");
    await closed;
  });
});
