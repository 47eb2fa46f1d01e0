// The SDK in a browser bundle. A bundler that targets browsers picks the `browser` condition of
// `#web-socket` (package.json `imports`), so the bundle holds no `ws` import and its job stream
// opens the global WebSocket with the key in the query; a Node bundle still loads `ws` and sends
// the key in the X-API-Key header.
import { execFile } from "node:child_process";
import type { IncomingMessage } from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebSocket as NodeWebSocket, WebSocketServer } from "ws";
import type * as Sdk from "../src/index.js";

const run = promisify(execFile);
const SDK_DIR = fileURLToPath(new URL("../", import.meta.url));
const ESBUILD = join(SDK_DIR, "../node_modules/esbuild/bin/esbuild");
const WS_IMPORT = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']ws["']/;

let dir: string;

/** `ws` stays external, so that any use of it in the bundle shows as an import of it. */
async function bundle(platform: "browser" | "node"): Promise<string> {
  const out = join(dir, `sdk-${platform}.mjs`);
  await run(ESBUILD, [
    join(SDK_DIR, "dist/index.js"),
    "--bundle",
    "--format=esm",
    // Minified, as an app ships it: esbuild then inlines a constant specifier into its import.
    "--minify",
    `--platform=${platform}`,
    "--external:ws",
    `--outfile=${out}`,
    "--log-level=error",
  ]);
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "aitbc-sdk-bundle-"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("a browser bundle of the SDK", () => {
  let server: WebSocketServer | undefined;
  const globals = globalThis as { WebSocket?: unknown };
  const ownWebSocket = globals.WebSocket;

  afterEach(async () => {
    globals.WebSocket = ownWebSocket;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  it("has no import of `ws`", async () => {
    const text = readFileSync(await bundle("browser"), "utf8");
    expect(text).toContain("streamJobEvents");
    expect(text).not.toMatch(WS_IMPORT);
  });

  it("streams a job over the global WebSocket, with the key in the api_key query parameter", async () => {
    const upgrades: IncomingMessage[] = [];
    server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    await new Promise<void>((resolve) => server!.once("listening", resolve));
    server.on("connection", (socket, req) => {
      upgrades.push(req);
      socket.send(JSON.stringify({ type: "status", seq: 1, status: "running" }));
      socket.send(JSON.stringify({ type: "result", seq: 2, status: "completed" }));
      socket.close(1000);
    });
    const opened: string[] = [];
    // What a browser has: a global WebSocket that takes a URL and nothing else.
    globals.WebSocket = class extends NodeWebSocket {
      constructor(url: string) {
        super(url);
        opened.push(url);
      }
    };
    const sdk = (await import(pathToFileURL(await bundle("browser")).href)) as typeof Sdk;
    const { port } = server.address() as AddressInfo;
    const seen: number[] = [];
    for await (const event of sdk.streamJobEvents("job-1", {
      coordinatorUrl: `http://127.0.0.1:${port}`,
      apiKey: "k-browser",
      reconnect: false,
    }))
      seen.push(event.seq);
    expect(seen).toEqual([1, 2]);
    expect(opened).toEqual([`ws://127.0.0.1:${port}/v1/jobs/job-1/stream?api_key=k-browser`]);
    expect(upgrades[0]!.headers["x-api-key"]).toBeUndefined();
  });
});

describe("a Node bundle of the SDK", () => {
  it("still loads `ws` for the job stream", async () => {
    const text = readFileSync(await bundle("node"), "utf8");
    expect(text).toMatch(WS_IMPORT);
  });
});
