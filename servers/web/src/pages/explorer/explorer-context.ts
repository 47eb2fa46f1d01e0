// What every explorer view shares: the session (its node client) and the chain's parameters,
// fetched once per node, for naming well-known addresses.
import type { NodeTypes } from "@aitbc/sdk";
import type { Session } from "../common/session.js";
import { addressBook, type AddressBook } from "./chain-labels.js";

export interface Explorer {
  session: Session;
  chain(): Promise<NodeTypes.ChainInfo | undefined>;
  book(): Promise<AddressBook>;
}

export function explorerContext(session: Session): Explorer {
  const cache = new Map<string, Promise<NodeTypes.ChainInfo | undefined>>();
  const chain = () => {
    const url = session.nodeUrl;
    let p = cache.get(url);
    if (!p) {
      p = session.client.node.getChain().catch(() => {
        cache.delete(url);
        return undefined;
      });
      cache.set(url, p);
    }
    return p;
  };
  return { session, chain, book: async () => addressBook(await chain()) };
}
