// The miner dashboard (:24000): miners, their models, the jobs in flight and the earnings.
import "../shared/style.css";
import "./dashboard.css";
import { h } from "../shared/dom.js";
import { bootPage, renderShell } from "../shared/layout.js";
import { startRouter } from "../shared/router.js";
import { emptyState } from "../shared/widgets.js";
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
