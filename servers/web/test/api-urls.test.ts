// Where the pages send their API calls: explicit > environment > .aitbc/stack.json > seed ports.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "@aitbc/server-lib";
import { loadWebConfig, resolveApiUrls } from "../src/index.js";

const emptyDir = () => mkdtempSync(join(tmpdir(), "aitbc-web-urls-"));

function stackDir(json: unknown): string {
  const dir = emptyDir();
  writeFileSync(join(dir, "stack.json"), typeof json === "string" ? json : JSON.stringify(json));
  return dir;
}

describe("resolveApiUrls", () => {
  it("uses the default ports without anything else", () => {
    expect(resolveApiUrls({ AITBC_DATA_DIR: emptyDir() })).toEqual({
      coordinator: "http://127.0.0.1:18000",
      nodes: ["http://127.0.0.1:19000"],
      wallet: "http://127.0.0.1:20000",
      exchange: "http://127.0.0.1:23000",
      fake_bitcoin: null,
    });
  });

  it("shifts the default ports with AITBC_PORT_BASE", () => {
    const urls = resolveApiUrls({ AITBC_DATA_DIR: emptyDir(), AITBC_PORT_BASE: "28000" });
    expect(urls.coordinator).toBe("http://127.0.0.1:28000");
    expect(urls.exchange).toBe("http://127.0.0.1:33000");
  });

  it("reads a running stack's stack.json, keeping `exchange: null` as “not running”", () => {
    const dir = stackDir({
      coordinator: "http://127.0.0.1:41000",
      nodes: ["http://127.0.0.1:41001", "http://127.0.0.1:41002"],
      wallet: "http://127.0.0.1:41003",
      exchange: null,
      fake_bitcoin: null,
      marketplace: null,
      explorer: null,
      miner_dashboard: null,
    });
    expect(resolveApiUrls({ AITBC_DATA_DIR: dir })).toEqual({
      coordinator: "http://127.0.0.1:41000",
      nodes: ["http://127.0.0.1:41001", "http://127.0.0.1:41002"],
      wallet: "http://127.0.0.1:41003",
      exchange: null,
      fake_bitcoin: null,
    });
  });

  it("lets the environment win over stack.json, and explicit values over both", () => {
    const dir = stackDir({
      coordinator: "http://127.0.0.1:41000",
      wallet: "http://127.0.0.1:41003",
    });
    const env = {
      AITBC_DATA_DIR: dir,
      AITBC_COORDINATOR_URL: "http://coordinator.example:18000/",
      AITBC_NODE_URL: "http://n1:19000, http://n2:19000",
    };
    const urls = resolveApiUrls(env, { wallet: "http://wallet.example:20000" });
    expect(urls.coordinator).toBe("http://coordinator.example:18000");
    expect(urls.nodes).toEqual(["http://n1:19000", "http://n2:19000"]);
    expect(urls.wallet).toBe("http://wallet.example:20000");
  });

  it("takes AITBC_EXCHANGE_URL=none as “no exchange in this stack”", () => {
    const urls = resolveApiUrls({ AITBC_DATA_DIR: emptyDir(), AITBC_EXCHANGE_URL: "none" });
    expect(urls.exchange).toBeNull();
  });

  it("refuses a URL that is not http(s), naming the variable", () => {
    expect(() =>
      resolveApiUrls({ AITBC_DATA_DIR: emptyDir(), AITBC_WALLET_URL: "ftp://x" }),
    ).toThrow(/AITBC_WALLET_URL must be an http\(s\) URL/);
    expect(() =>
      resolveApiUrls({ AITBC_DATA_DIR: emptyDir(), AITBC_COORDINATOR_URL: "not a url" }),
    ).toThrow(ConfigError);
  });

  it("refuses a corrupt stack.json instead of silently using other URLs", () => {
    expect(() => resolveApiUrls({ AITBC_DATA_DIR: stackDir("{nope") })).toThrow(
      /stack\.json is not valid JSON/,
    );
  });
});

describe("loadWebConfig", () => {
  it("takes the default page ports, shifted by AITBC_PORT_BASE, and per-page variables", () => {
    const base = loadWebConfig({ AITBC_DATA_DIR: emptyDir() });
    expect([base.marketplacePort, base.explorerPort, base.minerDashboardPort]).toEqual([
      21000, 22000, 24000,
    ]);
    const shifted = loadWebConfig({
      AITBC_DATA_DIR: emptyDir(),
      AITBC_PORT_BASE: "28000",
      AITBC_EXPLORER_PORT: "40404",
    });
    expect([shifted.marketplacePort, shifted.explorerPort, shifted.minerDashboardPort]).toEqual([
      31000, 40404, 34000,
    ]);
  });

  it("refuses a port that is not a number, naming the variable", () => {
    expect(() =>
      loadWebConfig({ AITBC_DATA_DIR: emptyDir(), AITBC_MARKETPLACE_PORT: "twenty-one" }),
    ).toThrow(/AITBC_MARKETPLACE_PORT must be an integer/);
  });
});
