// The public entry of @aitbc/web, used by the dev stack and by the browser tests.
export { startWeb, type StartWebOptions, type RunningWeb, type WebUrls } from "./start-web.js";
export { loadWebConfig, type WebConfig } from "./config.js";
export { resolveApiUrls } from "./api-urls.js";
export {
  exchangePagesDir,
  writeExchangePages,
  pagesRoot,
  siteDir,
  PagesNotBuiltError,
} from "./page-files.js";
export { buildSiteApp, type SiteAppDeps } from "./site-app.js";
export { CONTENT_SECURITY_POLICY } from "./security-headers.js";
export { SITES, type Site, type PublicConfig, type ApiUrls } from "./public-config.js";
