import { describe, expect, it } from "vitest";
import { startupRows } from "../src/report/startup-table.js";
import type { StackUrls } from "../src/files/stack-files.js";

const urls: StackUrls = {
  coordinator: "http://127.0.0.1:18000",
  nodes: ["http://127.0.0.1:19000", "http://127.0.0.1:19001"],
  wallet: "http://127.0.0.1:20000",
  exchange: "http://127.0.0.1:23000",
  fake_bitcoin: "http://127.0.0.1:23001",
  marketplace: "http://127.0.0.1:21000",
  explorer: "http://127.0.0.1:22000",
  miner_dashboard: "http://127.0.0.1:24000",
};
const status = (service: string, url: string | null, health = "ok") => ({
  service,
  url,
  health,
  pid: 1,
});

describe("the startup table", () => {
  it("lists services in the documented order, the web process as its three pages, and the fake Bitcoin with the exchange", () => {
    const rows = startupRows({ urls, unavailable: [] }, [
      status("miner", null, "running"),
      status("web", urls.marketplace),
      status("node-0", urls.nodes[0]!),
      status("wallet", urls.wallet),
      status("node-1", urls.nodes[1]!),
      status("coordinator", urls.coordinator),
      status("exchange", urls.exchange, "degraded"),
    ]);
    expect(rows.map((r) => r.service)).toEqual([
      "coordinator",
      "node-0",
      "node-1",
      "wallet",
      "exchange",
      "fake bitcoin",
      "marketplace",
      "explorer",
      "miner_dashboard",
      "miner",
    ]);
    expect(rows.find((r) => r.service === "explorer")).toEqual({
      service: "explorer",
      url: urls.explorer,
      health: "ok (aitbc-web)",
    });
    expect(rows.find((r) => r.service === "exchange")?.health).toBe("degraded");
  });

  it("says why an optional service is missing", () => {
    const rows = startupRows(
      {
        urls: {
          ...urls,
          marketplace: null,
          explorer: null,
          miner_dashboard: null,
          exchange: null,
          fake_bitcoin: null,
        },
        unavailable: [
          { service: "web", reason: "failed to start" },
          { service: "exchange", reason: "not built" },
        ],
      },
      [status("coordinator", urls.coordinator)],
    );
    expect(rows).toContainEqual({
      service: "marketplace",
      url: "-",
      health: "failed to start, see logs/web.log",
    });
    expect(rows).toContainEqual({ service: "exchange", url: "-", health: "not built" });
    expect(rows.map((r) => r.service)).not.toContain("fake bitcoin");
  });
});
