// The marketplace (:21000): browse and filter services, see a service and its provider's
// reputation, submit a job and watch it run, verify the receipt, rate the provider, and list a
// service of your own ("Become a Provider").
import "../common/style.css";
import "./marketplace.css";
import { h } from "../common/dom.js";
import { bootPage, renderShell } from "../common/layout.js";
import { currentRoute, startRouter } from "../common/router.js";
import { emptyState } from "../common/widgets.js";
import { browseView } from "./browse-view.js";
import { jobView } from "./job-view.js";
import { myJobsView } from "./my-jobs-view.js";
import { providerView } from "./provider-view.js";
import { serviceView } from "./service-view.js";

void bootPage("marketplace", (session) => {
  const shell = renderShell({
    site: "marketplace",
    session,
    keyPurpose: "A customer key submits jobs and reviews; a provider key lists services.",
    tabs: [
      { href: "#/", label: "Browse services", id: "browse" },
      { href: "#/provider", label: "Become a Provider", id: "provider" },
      { href: "#/jobs", label: "My jobs", id: "jobs" },
    ],
  });
  const markTab = () => {
    const path = currentRoute().path;
    shell.setActiveTab(
      path.startsWith("/provider") ? "provider" : path.startsWith("/jobs") ? "jobs" : "browse",
    );
  };
  window.addEventListener("hashchange", markTab);
  markTab();
  const rerender = startRouter(
    shell.outlet,
    [
      [/^\/$/, (ctx) => browseView(session, ctx)],
      [/^\/services\/([^/]+)$/, (ctx) => serviceView(session, ctx)],
      [/^\/jobs\/([^/]+)$/, (ctx) => jobView(session, ctx)],
      [/^\/jobs$/, (ctx) => myJobsView(session, ctx)],
      [/^\/provider$/, (ctx) => providerView(session, ctx)],
    ],
    () =>
      emptyState(
        "Page not found",
        "There is nothing at this address.",
        h("a", { class: "btn", href: "#/" }, "Browse services"),
      ),
  );
  // Views that depend on who is signed in render again when the key changes.
  let lastKey = session.apiKey;
  let lastRole = session.role;
  session.onChange(() => {
    if (session.identity.checking) return;
    if (session.apiKey !== lastKey || session.role !== lastRole) {
      lastKey = session.apiKey;
      lastRole = session.role;
      rerender();
    }
  });
});
