// One page server: the site's static files, its /config.json and a health check. Never listens.
import express, { type Express } from "express";
import type { PublicConfig, Site } from "./public-config.js";
import { securityHeaders } from "./security-headers.js";
import { WEB_VERSION } from "./version.js";

export interface SiteAppDeps {
  site: Site;
  /** The built site directory (index.html, app.js, app.css). */
  dir: string;
  /** Read on every request, so the URLs of sibling servers started later are included. */
  config: () => PublicConfig;
}

export function buildSiteApp(deps: SiteAppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(securityHeaders);
  app.get("/health", (_req, res) => {
    res.json({ status: "ok", service: deps.site, version: WEB_VERSION });
  });
  app.get("/config.json", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json(deps.config());
  });
  app.use(
    express.static(deps.dir, {
      index: "index.html",
      setHeaders: (res, path) => {
        // Fixed file names (app.js, app.css): revalidate so a rebuilt page is picked up at once.
        res.setHeader("Cache-Control", path.endsWith(".html") ? "no-store" : "no-cache");
      },
    }),
  );
  // The pages route with the URL hash, so any other path is a mistake: say so plainly.
  app.use((_req, res) => {
    res.status(404).type("text/plain").send(`Not found. The ${deps.site} page is at /.\n`);
  });
  return app;
}
