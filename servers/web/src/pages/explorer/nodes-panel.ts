// Every validator node of the stack side by side: its height, head and peers. Blocks and
// transactions propagate over P2P, so the heads should agree within a block or two.
import { createAitbcClient, type NodeTypes } from "@aitbc/sdk";
import { h } from "../common/dom.js";
import { shortHash } from "../common/format.js";
import { badge, table } from "../common/widgets.js";

export async function nodesPanel(urls: string[]): Promise<HTMLElement> {
  const statuses = await Promise.all(
    urls.map((nodeUrl) =>
      createAitbcClient({ nodeUrl, http: { retries: 0 } })
        .node.getSyncStatus()
        .then((s): NodeTypes.SyncStatus | Error => s)
        .catch((err: unknown) => (err instanceof Error ? err : new Error(String(err)))),
    ),
  );
  return table(
    ["Node", "Validator", "Height", "Head", "Peers", "State"],
    statuses.map((s, i) => {
      const host = new URL(urls[i]!).host;
      if (s instanceof Error) return [host, "—", "—", "—", "—", badge("unreachable", "bad")];
      const connected = s.peers.filter((p) => p.connected).length;
      return [
        host,
        s.validator?.name ?? "full node",
        h("span", { "data-node-height": String(s.height) }, `#${s.height}`),
        h("code", { title: s.head_hash }, shortHash(s.head_hash, 6)),
        `${connected}/${s.peers.length}`,
        s.syncing ? badge(`syncing to #${s.best_peer_height}`, "warn") : badge("in sync", "ok"),
      ];
    }),
    { id: "nodes-table" },
  );
}
