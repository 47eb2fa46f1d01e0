// The miner dashboard (:24000): miners, their models, the jobs in flight and the earnings.
import "../common/style.css";
import "./dashboard.css";
import { h } from "../common/dom.js";
import { bootPage, renderShell } from "../common/layout.js";
import { startRouter } from "../common/router.js";
import { emptyState } from "../common/widgets.js";
import { dashboardView } from "./dashboard-view.js";

void bootPage("miner-dashboard", (session) => {
  const shell = renderShell({
    site: "miner-dashboard",
    session,
    keyPurpose: "An admin key shows every miner; a provider key shows your own services.",
  });
  const rerender = startRouter(shell.outlet, [[/^\/$/, (ctx) => dashboardView(session, ctx)]], () =>
    emptyState("Page not found", null, h("a", { class: "btn", href: "#/" }, "Dashboard")),
  );
  // The view depends on the role behind the key: render again once the key is checked.
  session.onChange(() => {
    if (!session.identity.checking) rerender();
  });
});
