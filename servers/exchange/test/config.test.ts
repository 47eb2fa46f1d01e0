import { describe, expect, it } from "vitest";
import { ConfigError } from "@aitbc/server-lib";
import { DEFAULT_BITCOIN_API_URL, loadExchangeConfig } from "../src/index.js";

const TREASURY = "A".repeat(43);

describe("exchange configuration", () => {
  it("defaults to its documented port, the local stack and Bitcoin testnet", () => {
    const c = loadExchangeConfig({ AITBC_TREASURY_SECRET_KEY: TREASURY, AITBC_DATA_DIR: "/tmp/x" });
    expect(c).toMatchObject({
      port: 23000,
      databaseUrl: "/tmp/x/exchange.sqlite",
      nodeUrl: "http://127.0.0.1:19000",
      coordinatorUrl: "http://127.0.0.1:18000",
      bitcoinApiUrl: DEFAULT_BITCOIN_API_URL,
      requiredConfirmations: 1,
      orderTtlS: 3600,
    });
    expect(c.fakeBitcoinPort).toBeUndefined();
  });

  it("needs the treasury key, and says which variable is wrong", () => {
    expect(() => loadExchangeConfig({})).toThrow(/AITBC_TREASURY_SECRET_KEY/);
    expect(() => loadExchangeConfig({ AITBC_TREASURY_SECRET_KEY: "short" })).toThrow(ConfigError);
    expect(() =>
      loadExchangeConfig({
        AITBC_TREASURY_SECRET_KEY: TREASURY,
        AITBC_EXCHANGE_CONFIRMATIONS: "x",
      }),
    ).toThrow(/AITBC_EXCHANGE_CONFIRMATIONS/);
  });

  it("embeds the fake Bitcoin network when AITBC_FAKE_BITCOIN_PORT is set", () => {
    expect(
      loadExchangeConfig({ AITBC_TREASURY_SECRET_KEY: TREASURY, AITBC_FAKE_BITCOIN_PORT: "0" }),
    ).toMatchObject({ fakeBitcoinPort: 0 });
  });
});
