// The frame every page shares: the AITBC bar with links to the four pages, the key box, the
// page's own tabs, the view outlet and a footer naming the APIs in use.
import { h, type Child } from "./dom.js";
import { keyBox } from "./key-box.js";
import { loadPageConfig, type PageConfig } from "./page-config.js";
import { Session } from "./session.js";

export type SiteName = "marketplace" | "explorer" | "exchange" | "miner-dashboard";

const SITES: Array<{ site: SiteName; label: string; url: (c: PageConfig) => string | null }> = [
  { site: "marketplace", label: "Marketplace", url: (c) => c.marketplace },
  { site: "explorer", label: "Explorer", url: (c) => c.explorer },
  { site: "exchange", label: "Exchange", url: (c) => c.exchange },
  { site: "miner-dashboard", label: "Miner dashboard", url: (c) => c.miner_dashboard },
];

export interface ShellOptions {
  site: SiteName;
  session: Session;
  /** Why this page wants a key (shown in the key box); no key box when absent. */
  keyPurpose?: string;
  tabs?: Array<{ href: string; label: string; id: string }>;
  headerExtra?: Child;
}

export interface Shell {
  outlet: HTMLElement;
  setActiveTab(id: string | undefined): void;
}

export function renderShell(options: ShellOptions): Shell {
  const { site, session } = options;
  const nav = h(
    "nav",
    { class: "site-nav", "aria-label": "AITBC pages" },
    SITES.map((s) => {
      const url = s.site === site ? "#/" : s.url(session.config);
      return url
        ? h(
            "a",
            {
              href: url,
              class: s.site === site ? "active" : "",
              "aria-current": s.site === site ? "page" : null,
            },
            s.label,
          )
        : h("span", { class: "disabled", title: "Not running in this stack" }, s.label);
    }),
  );
  const tabLinks = (options.tabs ?? []).map((t) =>
    h("a", { href: t.href, class: "tab", "data-tab": t.id }, t.label),
  );
  const outlet = h("main", { id: "view", class: "view" });
  const header = h(
    "header",
    { class: "topbar" },
    h(
      "div",
      { class: "topbar-inner" },
      h("a", { class: "brand", href: "#/" }, h("span", { class: "brand-mark" }, "◆"), "AITBC"),
      nav,
      h(
        "div",
        { class: "topbar-right" },
        options.headerExtra ?? null,
        options.keyPurpose ? keyBox(session, options.keyPurpose) : null,
      ),
    ),
  );
  const tabs = tabLinks.length
    ? h("div", { class: "tabs" }, h("div", { class: "tabs-inner" }, tabLinks))
    : null;
  const footer = h(
    "footer",
    { class: "footer" },
    h(
      "div",
      { class: "footer-inner" },
      "AITBC · GPU compute marketplace · coordinator ",
      h("code", null, session.config.coordinator),
      " · node ",
      h("code", null, session.nodeUrl),
    ),
  );
  document.body.replaceChildren(header, ...(tabs ? [tabs] : []), outlet, footer);
  return {
    outlet,
    setActiveTab(id) {
      for (const a of tabLinks) a.classList.toggle("active", a.dataset.tab === id);
    },
  };
}

/** Boots a page: loads the config, builds the session and checks the stored key. */
export async function bootPage(site: SiteName, start: (session: Session) => void): Promise<void> {
  try {
    const config = await loadPageConfig(site);
    const session = new Session(config);
    start(session);
    void session.checkIdentity();
  } catch (err) {
    document.body.replaceChildren(
      h(
        "div",
        { class: "boot-error" },
        h("h1", null, "This page could not start"),
        h("p", null, (err as Error).message),
      ),
    );
  }
}
