// The published package works for an outsider: `npm pack` of @aitbc/sdk installs into an empty
// project, imports as ESM, creates a client that talks to a server, verifies a receipt test
// vector, and type-checks a TypeScript consumer against the shipped .d.ts files.
import { execFile } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const SDK_DIR = fileURLToPath(new URL("../", import.meta.url));
const ROOT = join(SDK_DIR, "..");
const VECTOR = join(ROOT, "spec/receipts/vectors/valid-gpu-seconds.json");
const TAMPERED = join(ROOT, "spec/receipts/vectors/invalid-tampered-cost.json");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const NPM_ENV = {
  ...process.env,
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
};

let project: string;
let tarball: string;

const CONSUMER_MJS = `
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { createAitbcClient, verifyReceipt, NotFoundError } from "@aitbc/sdk";

const server = createServer((req, res) => {
  if (req.url === "/v1/health") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: "ok", service: "coordinator", version: "0.1.0", key: req.headers["x-api-key"] }));
  } else {
    res.writeHead(404, { "content-type": "application/problem+json" });
    res.end(JSON.stringify({ type: "about:blank", title: "Not found", status: 404, code: "not_found" }));
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const client = createAitbcClient({ coordinatorUrl: "http://127.0.0.1:" + server.address().port, apiKey: "k-1" });
const health = await client.coordinator.getHealth();
const missing = await client.coordinator.getJobStatus({ path: { job_id: "707c75d0910e49e2965196bce0127ba1" } }).catch((e) => e);
server.close();
const verdict = (file) => {
  const v = JSON.parse(readFileSync(file, "utf8"));
  return verifyReceipt(v.receipt, { coordinatorKeys: v.trusted.coordinator_keys }).valid;
};
console.log(JSON.stringify({
  health,
  missing: { isNotFound: missing instanceof NotFoundError, code: missing.code },
  valid: verdict(process.argv[2]),
  tampered: verdict(process.argv[3]),
}));
`;

const CONSUMER_TS = `
import { createAitbcClient, verifyReceipt, toMicro, type Receipt, type AitbcClient, type CoordinatorTypes } from "@aitbc/sdk";

const client: AitbcClient = createAitbcClient({ coordinatorUrl: "http://127.0.0.1:18000", apiKey: "k" });
export async function health(): Promise<string> {
  const h = await client.coordinator.getHealth();
  return h.status;
}
export function check(receipt: Receipt): boolean {
  return verifyReceipt(receipt, { coordinatorKeys: ["x"] }).valid;
}
export const budget: bigint = toMicro(250);
export type JobRequest = CoordinatorTypes.CreateJobData["body"];
export async function finished(id: string): Promise<CoordinatorTypes.JobResults["status"]> {
  const results = await client.waitForJob(id, { timeoutMs: 60_000, until: "settled" });
  return results.status;
}
// @ts-expect-error the SDK's types reject an unknown service
client.miner;
`;

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), "aitbc-sdk-consumer-"));
  const packDir = join(project, "pack");
  const app = join(project, "app");
  mkdirSync(packDir);
  mkdirSync(app);
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", packDir], {
    cwd: SDK_DIR,
    env: NPM_ENV,
  });
  const [info] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(packDir, info!.filename);
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }),
  );
  await run("npm", ["install", tarball, "--prefer-offline", "--no-package-lock"], {
    cwd: app,
    env: NPM_ENV,
  });
  writeFileSync(join(app, "consumer.mjs"), CONSUMER_MJS);
  writeFileSync(join(app, "consumer.ts"), CONSUMER_TS);
  writeFileSync(
    join(app, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2022", "DOM"],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
      },
      files: ["consumer.ts"],
    }),
  );
  copyFileSync(VECTOR, join(app, "vector.json"));
  copyFileSync(TAMPERED, join(app, "tampered.json"));
}, 120_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe("the @aitbc/sdk tarball", { tags: ["packaging"] }, () => {
  it("ships the build, types, README and license, and no tests", () => {
    const listing = readdirSync(join(project, "app/node_modules/@aitbc/sdk"));
    expect(listing).toEqual(
      expect.arrayContaining(["dist", "package.json", "README.md", "LICENSE"]),
    );
    expect(listing).not.toContain("test");
    const pkg = JSON.parse(
      readFileSync(join(project, "app/node_modules/@aitbc/sdk/package.json"), "utf8"),
    );
    expect(pkg.exports["."]).toEqual({ types: "./dist/index.d.ts", import: "./dist/index.js" });
    expect(pkg.license).toBe("Apache-2.0");
    expect(pkg.dependencies["@aitbc/spec"]).toBeUndefined();
  });

  it("imports as ESM, calls a server and verifies receipt vectors", async () => {
    const { stdout } = await run(
      process.execPath,
      ["consumer.mjs", "vector.json", "tampered.json"],
      {
        cwd: join(project, "app"),
      },
    );
    expect(JSON.parse(stdout)).toEqual({
      health: { status: "ok", service: "coordinator", version: "0.1.0", key: "k-1" },
      missing: { isNotFound: true, code: "not_found" },
      valid: true,
      tampered: false,
    });
  });

  it("type-checks a TypeScript consumer against the shipped declarations", async () => {
    const result = await run(process.execPath, [TSC, "-p", "tsconfig.json"], {
      cwd: join(project, "app"),
    }).catch((err: { stdout?: string; stderr?: string }) => ({
      stdout: err.stdout ?? "",
      stderr: err.stderr ?? "failed",
    }));
    expect(result.stdout + result.stderr).toBe("");
  });
});
