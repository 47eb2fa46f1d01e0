import { describe, expect, it } from "vitest";
import { DEFAULT_PORTS, DEFAULT_URLS, defaultPorts, defaultUrls } from "../src/index.js";

describe("the local stack's port plan", () => {
  it("puts each service on its documented default port", () => {
    expect(defaultUrls()).toEqual({
      coordinator: "http://127.0.0.1:18000",
      nodes: ["http://127.0.0.1:19000", "http://127.0.0.1:19001", "http://127.0.0.1:19002"],
      wallet: "http://127.0.0.1:20000",
      marketplace: "http://127.0.0.1:21000",
      explorer: "http://127.0.0.1:22000",
      exchange: "http://127.0.0.1:23000",
      fake_bitcoin: "http://127.0.0.1:23001",
      miner_dashboard: "http://127.0.0.1:24000",
    });
    expect(DEFAULT_URLS.coordinatorUrl).toBe("http://127.0.0.1:18000");
    expect(DEFAULT_URLS.nodeUrl).toBe("http://127.0.0.1:19000");
  });

  it("shifts every port together with the base, and leaves the defaults alone", () => {
    const shifted = defaultPorts(28000);
    expect(shifted.coordinator).toBe(28000);
    expect(shifted.nodes).toEqual([29000, 29001, 29002]);
    expect(shifted.fake_bitcoin).toBe(33001);
    expect(defaultUrls(28000, "https://example.test").miner_dashboard).toBe(
      "https://example.test:34000",
    );
    expect(DEFAULT_PORTS.coordinator).toBe(18000);
    expect(() => (DEFAULT_PORTS.nodes as number[]).push(1)).toThrow();
  });
});
