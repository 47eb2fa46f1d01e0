// Configuration fails fast and names what is wrong; `aitbc-node init` writes a usable dev chain.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, createTestDatabase } from "@aitbc/server-lib";
import { createDevGenesis, loadNodeConfig, parseGenesis, startNode } from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "aitbc-node-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dev = createDevGenesis({ validators: 2 });
const genesisFile = join(dir, "genesis.json");
writeFileSync(genesisFile, JSON.stringify(dev.genesis));
const base = { AITBC_GENESIS_FILE: genesisFile, AITBC_DATA_DIR: dir };

function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("loadNodeConfig", () => {
  it("has the documented defaults", () => {
    const c = loadNodeConfig(base);
    expect(c).toMatchObject({ host: "127.0.0.1", port: 19000, peers: [] });
    expect(c.databaseUrl).toBe(join(dir, "node-19000.sqlite"));
    expect(c.validatorSecretKey).toBeUndefined();
    expect(loadNodeConfig({ ...base, AITBC_PORT_BASE: "28000" }).port).toBe(29000);
    expect(loadNodeConfig({ ...base, AITBC_NODE_PORT: "19001" }).port).toBe(19001);
  });

  it("reads peers, the validator key, the admin key and the block time", () => {
    const c = loadNodeConfig({
      ...base,
      AITBC_PEERS: "ws://127.0.0.1:19001/p2p, ws://127.0.0.1:19002",
      AITBC_VALIDATOR_SECRET_KEY: dev.validators[1]!.secret_key,
      AITBC_ADMIN_API_KEY: "adm",
      AITBC_BLOCK_TIME_MS: "250",
    });
    expect(c.peers).toEqual(["ws://127.0.0.1:19001/p2p", "ws://127.0.0.1:19002/p2p"]);
    expect(c.validatorSecretKey).toHaveLength(32);
    expect(c).toMatchObject({ adminApiKey: "adm", blockTimeMs: 250 });
  });

  it("names the variable that is wrong", () => {
    expect(
      configError(() => loadNodeConfig({ ...base, AITBC_GENESIS_FILE: join(dir, "nope.json") })),
    ).toContain("AITBC_GENESIS_FILE");
    expect(configError(() => loadNodeConfig({ ...base, AITBC_PEERS: "http://x:1" }))).toContain(
      "AITBC_PEERS",
    );
    expect(
      configError(() => loadNodeConfig({ ...base, AITBC_VALIDATOR_SECRET_KEY: "short" })),
    ).toContain("AITBC_VALIDATOR_SECRET_KEY");
    expect(configError(() => loadNodeConfig({ ...base, AITBC_NODE_PORT: "abc" }))).toContain(
      "AITBC_NODE_PORT",
    );
    expect(configError(() => loadNodeConfig({ ...base, AITBC_BLOCK_TIME_MS: "1" }))).toContain(
      "AITBC_BLOCK_TIME_MS",
    );
  });

  it("rejects a genesis file with a bad field, naming it", () => {
    expect(configError(() => parseGenesis({ ...dev.genesis, validators: [] }))).toContain(
      "validators",
    );
    expect(configError(() => parseGenesis({ ...dev.genesis, settlement_key: "x" }))).toContain(
      "settlement_key",
    );
    expect(
      configError(() =>
        parseGenesis({ ...dev.genesis, allocations: [{ address: "aitbc00", amount: "1" }] }),
      ),
    ).toContain("allocations[0].address");
    expect(configError(() => parseGenesis({ ...dev.genesis, extra: 1 }))).toContain("extra");
  });
});

describe("startNode", () => {
  it("refuses a validator key that is not in the genesis", async () => {
    const other = createDevGenesis({ validators: 1 });
    const db = createTestDatabase("sqlite");
    const err = await startNode({
      host: "127.0.0.1",
      port: 0,
      dataDir: dir,
      databaseUrl: db.url,
      genesis: dev.genesis,
      validatorSecretKey: Buffer.from(other.validators[0]!.secret_key, "base64url"),
      peers: [],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain("not a validator");
    await db.destroy();
  });

  it("refuses a database that belongs to another chain", async () => {
    const db = createTestDatabase("sqlite");
    const config = { host: "127.0.0.1", port: 0, dataDir: dir, databaseUrl: db.url, peers: [] };
    const first = await startNode({ ...config, genesis: dev.genesis });
    await first.close();
    const err = await startNode({ ...config, genesis: createDevGenesis().genesis }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain("AITBC_GENESIS_FILE");
    await db.destroy();
  });
});

describe("aitbc-node init", () => {
  const main = fileURLToPath(new URL("../dist/main.js", import.meta.url));

  it("writes a genesis and private keys that a node accepts", () => {
    const out = join(dir, "init");
    const stdout = execFileSync(
      process.execPath,
      [main, "init", "--validators", "3", "--out", out, "--block-time-ms", "500"],
      {
        encoding: "utf8",
      },
    );
    expect(stdout).toContain("AITBC_VALIDATOR_SECRET_KEY=");
    const genesis = parseGenesis(JSON.parse(readFileSync(join(out, "genesis.json"), "utf8")));
    expect(genesis).toMatchObject({ dev: true, block_time_ms: 500 });
    expect(genesis.validators).toHaveLength(3);
    const keys = JSON.parse(readFileSync(join(out, "chain-keys.json"), "utf8"));
    expect(keys.validators.map((v: { public_key: string }) => v.public_key)).toEqual(
      genesis.validators.map((v) => v.public_key),
    );
    expect(keys.settlement.public_key).toBe(genesis.settlement_key);
    expect(statSync(join(out, "chain-keys.json")).mode & 0o077).toBe(0);
    const cfg = loadNodeConfig({
      AITBC_GENESIS_FILE: join(out, "genesis.json"),
      AITBC_VALIDATOR_SECRET_KEY: keys.validators[2].secret_key,
    });
    expect(cfg.genesis).toEqual(genesis);
  });

  it("explains its usage on bad arguments", () => {
    const r = spawnSync(process.execPath, [main, "init", "--validators", "3"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage: aitbc-node init");
    const bad = spawnSync(
      process.execPath,
      [main, "init", "--out", join(dir, "x"), "--validators", "zero"],
      { encoding: "utf8" },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("--validators");
  });
});
