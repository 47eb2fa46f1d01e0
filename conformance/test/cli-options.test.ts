// aitbc-conformance's command line: flags win over .aitbc/stack.json and dev-credentials.json,
// and every operation is called with the key of the role that may call it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "../src/config/cli-options.js";
import { keyFor, roleFor } from "../src/config/credentials.js";
import { loadOpenApiDocuments } from "../src/spec/documents.js";
import { listOperations } from "../src/spec/operations.js";

let cwd: string;
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

function project(files: Record<string, unknown> = {}): string {
  cwd = mkdtempSync(join(tmpdir(), "aitbc-cli-"));
  mkdirSync(join(cwd, ".aitbc"));
  for (const [name, value] of Object.entries(files))
    writeFileSync(join(cwd, ".aitbc", name), JSON.stringify(value));
  return cwd;
}

const STACK = {
  coordinator: "http://127.0.0.1:18000",
  nodes: ["http://127.0.0.1:19000", "http://127.0.0.1:19001"],
  wallet: "http://127.0.0.1:20000",
  exchange: null,
  marketplace: "http://127.0.0.1:21000",
  explorer: null,
  miner_dashboard: null,
};
const CREDS = {
  admin: { api_key: "admin-key" },
  provider: {
    id: "gpu-compute-pro",
    api_key: "provider-key",
    address: "aitbc00",
    service_id: "gpu-compute-001",
  },
  customer: { id: "customer-123", api_key: "customer-key", address: "aitbc01" },
};

describe("parseArgs", () => {
  it("reads URLs and keys from the stack's files when no flags are given", () => {
    const dir = project({ "stack.json": STACK, "dev-credentials.json": CREDS });
    const options = parseArgs([], {}, dir);
    expect(options.level).toBe("contract");
    expect(options.urls).toEqual({
      coordinator: "http://127.0.0.1:18000",
      node: "http://127.0.0.1:19000",
      wallet: "http://127.0.0.1:20000",
      exchange: undefined,
    });
    expect(options.credentials).toEqual({
      apiKey: undefined,
      adminKey: "admin-key",
      providerKey: "provider-key",
      customerKey: "customer-key",
    });
    expect(options.provider).toEqual({
      id: "gpu-compute-pro",
      apiKey: "provider-key",
      address: "aitbc00",
    });
    expect(options.sources).toHaveLength(2);
    expect(options.nodes).toEqual(STACK.nodes);
    expect(options.recordFile).toBe(join(dir, ".aitbc", "conformance-scenario.json"));
  });

  it("takes every node given with --node, and a record file with --record", () => {
    const dir = project({ "stack.json": STACK });
    const options = parseArgs(
      ["--node", "http://n:1", "--node=http://n:2", "--record", "/tmp/r.json"],
      {},
      dir,
    );
    expect(options.urls.node).toBe("http://n:1");
    expect(options.nodes).toEqual(["http://n:1", "http://n:2"]);
    expect(options.recordFile).toBe("/tmp/r.json");
  });

  it("records nothing by default without a stack directory", () => {
    const dir = project();
    expect(parseArgs(["--coordinator", "http://c:1"], {}, dir).recordFile).toBeUndefined();
  });

  it("says the targets are Prism proxies with --via-proxy", () => {
    const dir = project();
    const options = parseArgs(["--coordinator", "http://c:1", "--via-proxy"], {}, dir);
    expect(options.viaProxy).toBe(true);
    expect(options.mock).toBe(false);
  });

  it("lets flags override the files, in both --flag value and --flag=value forms", () => {
    const dir = project({ "stack.json": STACK, "dev-credentials.json": CREDS });
    const options = parseArgs(
      [
        "--level",
        "scenario",
        "--coordinator=http://c:1",
        "--exchange",
        "http://e:2",
        "--admin-key",
        "other",
        "--mock",
      ],
      {},
      dir,
    );
    expect(options.level).toBe("scenario");
    expect(options.urls.coordinator).toBe("http://c:1");
    expect(options.urls.exchange).toBe("http://e:2");
    expect(options.urls.node).toBe("http://127.0.0.1:19000");
    expect(options.credentials.adminKey).toBe("other");
    expect(options.mock).toBe(true);
  });

  it("honours AITBC_DATA_DIR", () => {
    const dir = project();
    const data = join(dir, "elsewhere");
    mkdirSync(data);
    writeFileSync(join(data, "stack.json"), JSON.stringify(STACK));
    expect(parseArgs([], { AITBC_DATA_DIR: data }, dir).urls.wallet).toBe("http://127.0.0.1:20000");
  });

  it.each([
    [["--level", "full"], /--level must be contract or scenario/],
    [["--coordinator"], /--coordinator needs a value/],
    [["--nope"], /unknown option --nope/],
    [["--coordinator", "http://c", "--timeout", "-5"], /--timeout must be a positive integer/],
    [[], /no service URLs/],
    [["--coordinator", "http://c", "--mock", "--via-proxy"], /--mock and --via-proxy exclude/],
    [
      ["--coordinator", "http://c", "--reporter", "xml"],
      /--reporter must be one of text, json, junit/,
    ],
    [["--coordinator", "http://c", "--output", "r.xml"], /--output needs --reporter json/],
  ])("refuses %j", (argv, message) => {
    const dir = project();
    expect(() => parseArgs(argv, {}, dir)).toThrow(UsageError);
    expect(() => parseArgs(argv, {}, dir)).toThrow(message);
  });

  it("prints text by default and takes --reporter junit with --output", () => {
    const dir = project();
    expect(parseArgs(["--coordinator", "http://c:1"], {}, dir).reporter).toBe("text");
    const options = parseArgs(
      ["--coordinator", "http://c:1", "--reporter=junit", "--output", "report.xml"],
      {},
      dir,
    );
    expect(options).toMatchObject({ reporter: "junit", outputFile: "report.xml" });
  });

  it("names the broken file when stack.json is not JSON", () => {
    const dir = project();
    writeFileSync(join(dir, ".aitbc", "stack.json"), "{");
    expect(() => parseArgs([], {}, dir)).toThrow(/stack\.json is not valid JSON/);
  });
});

describe("keys per role", () => {
  const ops = loadOpenApiDocuments().flatMap((d) =>
    listOperations(d).map((op) => ({ ...op, doc: d.name })),
  );
  const find = (doc: string, method: string, path: string) => {
    const op = ops.find((o) => o.doc === doc && o.method === method && o.path === path);
    if (!op) throw new Error(`${doc} ${method} ${path} is not in the spec`);
    return op;
  };
  const credentials = { adminKey: "A", providerKey: "P", customerKey: "C" };

  it.each([
    ["coordinator", "GET", "/v1/health", undefined],
    ["coordinator", "POST", "/v1/admin/accounts", "A"],
    ["coordinator", "GET", "/v1/admin/stats", "A"],
    ["coordinator", "POST", "/v1/services/register", "P"],
    ["coordinator", "POST", "/v1/services/{service_id}/rate", "C"],
    ["coordinator", "POST", "/v1/jobs/create", "C"],
    ["node", "POST", "/api/v1/faucet", "A"],
    ["wallet", "GET", "/api/v1/wallet/balance", "C"],
  ])("%s %s %s uses key %s", (doc, method, path, key) => {
    expect(keyFor(find(doc, method, path), credentials)).toBe(key);
  });

  it("falls back to --api-key for a role without its own key", () => {
    expect(keyFor(find("coordinator", "POST", "/v1/admin/accounts"), { apiKey: "K" })).toBe("K");
    expect(roleFor(find("coordinator", "POST", "/v1/admin/accounts"))).toBe("admin");
  });
});
