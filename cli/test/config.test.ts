import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config/resolve-config.js";

function projectWithStack() {
  const root = mkdtempSync(join(tmpdir(), "aitbc-cli-config-"));
  mkdirSync(join(root, ".aitbc"));
  mkdirSync(join(root, "deep/inside"), { recursive: true });
  writeFileSync(
    join(root, ".aitbc/stack.json"),
    JSON.stringify({
      coordinator: "http://127.0.0.1:28000",
      nodes: ["http://127.0.0.1:29000", "http://127.0.0.1:29001"],
      wallet: "http://127.0.0.1:30000",
      exchange: null,
    }),
  );
  writeFileSync(
    join(root, ".aitbc/dev-credentials.json"),
    JSON.stringify({
      admin: { api_key: "k-admin" },
      provider: { id: "p", api_key: "k-provider" },
      customer: { id: "c", api_key: "k-customer" },
    }),
  );
  return root;
}

describe("config resolution", () => {
  it("finds the project's stack from a subdirectory and uses the dev customer key", () => {
    const root = projectWithStack();
    const config = resolveConfig({
      env: {},
      cwd: join(root, "deep/inside"),
      identity: "customer",
      flags: {},
    });
    expect(config.coordinatorUrl).toBe("http://127.0.0.1:28000");
    expect(config.nodeUrls).toEqual(["http://127.0.0.1:29000", "http://127.0.0.1:29001"]);
    expect(config.walletUrl).toBe("http://127.0.0.1:30000");
    expect(config.exchangeUrl).toBeUndefined();
    expect(config.apiKey).toBe("k-customer");
    expect(config.source).toEqual({
      urls: "stack.json",
      apiKey: "dev-credentials.json (customer)",
    });
  });

  it("uses the dev admin key for admin commands and the provider key with --as provider", () => {
    const root = projectWithStack();
    expect(resolveConfig({ env: {}, cwd: root, identity: "admin", flags: {} }).apiKey).toBe(
      "k-admin",
    );
    expect(resolveConfig({ env: {}, cwd: root, identity: "provider", flags: {} }).apiKey).toBe(
      "k-provider",
    );
  });

  it("lets the environment win over the stack files, and flags win over the environment", () => {
    const root = projectWithStack();
    const env = {
      AITBC_COORDINATOR_URL: "http://env:1/",
      AITBC_API_KEY: "k-env",
      AITBC_NODE_URL: "http://node-env:2",
    };
    const fromEnv = resolveConfig({ env, cwd: root, identity: "customer", flags: {} });
    expect(fromEnv.coordinatorUrl).toBe("http://env:1");
    expect(fromEnv.nodeUrls).toEqual(["http://node-env:2"]);
    expect(fromEnv.apiKey).toBe("k-env");
    expect(fromEnv.source.urls).toBe("flags/env");
    const fromFlags = resolveConfig({
      env,
      cwd: root,
      identity: "customer",
      flags: { coordinatorUrl: "http://flag:3", apiKey: "k-flag" },
    });
    expect(fromFlags.coordinatorUrl).toBe("http://flag:3");
    expect(fromFlags.apiKey).toBe("k-flag");
    expect(fromFlags.source.apiKey).toBe("--api-key");
  });

  it("prefers AITBC_ADMIN_API_KEY for admin commands", () => {
    const root = projectWithStack();
    const config = resolveConfig({
      env: { AITBC_ADMIN_API_KEY: "k-env-admin", AITBC_API_KEY: "k-env" },
      cwd: root,
      identity: "admin",
      flags: {},
    });
    expect(config.apiKey).toBe("k-env-admin");
  });

  it("falls back to the default ports and no key outside a project", () => {
    const config = resolveConfig({
      env: {},
      cwd: mkdtempSync(join(tmpdir(), "nowhere-")),
      identity: "customer",
      flags: {},
    });
    expect(config.coordinatorUrl).toBe("http://127.0.0.1:18000");
    expect(config.nodeUrls).toEqual(["http://127.0.0.1:19000"]);
    expect(config.apiKey).toBeUndefined();
    expect(config.source).toEqual({ urls: "defaults", apiKey: "none" });
  });

  it("reads AITBC_DATA_DIR when it is set", () => {
    const root = projectWithStack();
    const config = resolveConfig({
      env: { AITBC_DATA_DIR: join(root, ".aitbc") },
      cwd: "/",
      identity: "customer",
      flags: {},
    });
    expect(config.coordinatorUrl).toBe("http://127.0.0.1:28000");
  });
});
