// The page servers, in-process on free ports: each serves its built page with a strict content
// security policy, its /config.json (API URLs and the sibling pages) and a health check.
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PortInUseError, createLogger } from "@aitbc/server-lib";
import {
  SITES,
  exchangePagesDir,
  pagesRoot,
  startWeb,
  writeExchangePages,
  type RunningWeb,
} from "../src/index.js";

const logger = createLogger("web", "silent");
const urls = {
  coordinator: "http://127.0.0.1:18000",
  nodes: ["http://127.0.0.1:19000", "http://127.0.0.1:19001"],
  wallet: "http://127.0.0.1:20000",
  exchange: "http://127.0.0.1:23000",
  fake_bitcoin: "http://127.0.0.1:23001",
};
let web: RunningWeb;

beforeAll(async () => {
  web = await startWeb({
    marketplacePort: 0,
    explorerPort: 0,
    minerDashboardPort: 0,
    env: {},
    logger,
    urls,
  });
});
afterAll(() => web?.close());

describe("startWeb", () => {
  it("serves every page with its script, stylesheet and a strict content security policy", async () => {
    for (const base of Object.values(web.urls)) {
      const html = await fetch(`${base}/`);
      expect(html.status).toBe(200);
      expect(html.headers.get("content-type")).toContain("text/html");
      expect(html.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(html.headers.get("x-frame-options")).toBe("DENY");
      const body = await html.text();
      expect(body).toContain('<script type="module" src="app.js">');
      const js = await fetch(`${base}/app.js`);
      expect(js.headers.get("content-type")).toContain("javascript");
      expect((await js.text()).length).toBeGreaterThan(1000);
      expect((await fetch(`${base}/app.css`)).headers.get("content-type")).toContain("text/css");
    }
  });

  it("answers /config.json with the API URLs and every page's URL, so the pages link to each other", async () => {
    for (const base of Object.values(web.urls)) {
      const res = await fetch(`${base}/config.json`);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.json()).toEqual({
        ...urls,
        marketplace: web.urls.marketplace,
        explorer: web.urls.explorer,
        miner_dashboard: web.urls.miner_dashboard,
      });
    }
    expect(new Set(Object.values(web.urls)).size).toBe(3);
  });

  it("reports health per page and says where the page is for any other path", async () => {
    const health = await fetch(`${web.urls.explorer}/health`);
    expect(await health.json()).toMatchObject({ status: "ok", service: "explorer" });
    const missing = await fetch(`${web.urls.marketplace}/services/gpu-compute-001`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("The marketplace page is at /.");
  });

  it("refuses a port in use, naming it, and leaves nothing listening", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const err = await startWeb({
        marketplacePort: 0,
        explorerPort: port,
        minerDashboardPort: 0,
        env: {},
        logger,
        urls,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PortInUseError);
      expect((err as Error).message).toContain(String(port));
    } finally {
      await new Promise<void>((r) => blocker.close(() => r()));
    }
  });
});

describe("the built pages", () => {
  it("exist for the four sites, with no Node built-ins in the browser bundles", () => {
    for (const site of SITES) {
      const dir = join(pagesRoot(), site);
      expect(readdirSync(dir).sort()).toEqual(
        expect.arrayContaining(["app.css", "app.js", "favicon.svg", "index.html"]),
      );
      const js = readFileSync(join(dir, "app.js"), "utf8");
      expect(js).not.toMatch(/\bfrom\s*["'](node:[^"']+|ws)["']/);
      expect(js).not.toMatch(/\brequire\(/);
    }
  });

  it("hand the Trade Exchange page to the exchange as a directory with the stack's config", () => {
    expect(existsSync(join(exchangePagesDir(), "index.html"))).toBe(true);
    const target = join(mkdtempSync(join(tmpdir(), "aitbc-exchange-pages-")), "pages");
    const config = { ...urls, marketplace: null, explorer: null, miner_dashboard: null };
    expect(writeExchangePages(target, config)).toBe(target);
    expect(readFileSync(join(target, "index.html"), "utf8")).toContain("AITBC Trade Exchange");
    expect(JSON.parse(readFileSync(join(target, "config.json"), "utf8"))).toEqual(config);
  });
});
