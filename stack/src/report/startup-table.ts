// The rows of the table `npm start` prints: every running service in the documented order (HACKING.md, "Ports"), the three
// pages of the one web process, and the optional services that are not running with the reason.
import type { RunningStack, ServiceStatus } from "../start/stack-types.js";
import type { ServiceRow } from "./services-table.js";

const ORDER = ["coordinator", "node", "wallet", "exchange", "web", "miner"];
const PAGES = ["marketplace", "explorer", "miner_dashboard"] as const;

export function startupRows(
  stack: Pick<RunningStack, "urls" | "unavailable">,
  status: ServiceStatus[],
): ServiceRow[] {
  const rank = (name: string) => ORDER.findIndex((prefix) => name.startsWith(prefix));
  const rows: ServiceRow[] = [];
  for (const s of [...status].sort((a, b) => rank(a.service) - rank(b.service))) {
    if (s.service === "web") {
      for (const page of PAGES)
        rows.push({
          service: page,
          url: stack.urls[page] ?? "-",
          health: `${s.health} (aitbc-web)`,
        });
    } else {
      rows.push({ service: s.service, url: s.url ?? "-", health: s.health });
    }
    if (s.service === "exchange" && stack.urls.fake_bitcoin) {
      rows.push({
        service: "fake bitcoin",
        url: stack.urls.fake_bitcoin,
        health: "(in the exchange)",
      });
    }
  }
  for (const { service, reason } of stack.unavailable) {
    const names = service === "web" ? PAGES : [service];
    const log = reason === "failed to start" ? `, see logs/${service}.log` : "";
    for (const name of names) rows.push({ service: name, url: "-", health: `${reason}${log}` });
  }
  return rows;
}
