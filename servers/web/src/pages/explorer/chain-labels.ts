// Names for the chain's well-known addresses (validators, the settlement and treasury keys from
// the genesis) and for transaction types, so a reader sees "Settlement" rather than a raw type.
import { addressFromPublicKey, fromBase64Url, type NodeTypes } from "@aitbc/sdk";
import { h } from "../common/dom.js";
import { shortHash } from "../common/format.js";
import { badge, type Tone } from "../common/widgets.js";

const TX_TYPES: Record<string, { label: string; tone: Tone }> = {
  transfer: { label: "Transfer", tone: "info" },
  escrow_lock: { label: "Escrow lock", tone: "warn" },
  escrow_release: { label: "Settlement", tone: "ok" },
  mint: { label: "Mint", tone: "info" },
  faucet: { label: "Faucet", tone: "muted" },
};

export const TX_TYPE_NAMES = Object.keys(TX_TYPES);

export function txTypeLabel(type: string): string {
  return TX_TYPES[type]?.label ?? type;
}

export function txTypeBadge(type: string) {
  const t = TX_TYPES[type];
  return badge(t?.label ?? type, t?.tone ?? "muted", { "data-tx-type": type, title: type });
}

export type AddressBook = Map<string, string>;

export function addressBook(chain: NodeTypes.ChainInfo | undefined): AddressBook {
  const book: AddressBook = new Map();
  if (!chain) return book;
  for (const v of chain.validators) book.set(v.address, v.name);
  const named = (key: string, name: string) => {
    try {
      book.set(addressFromPublicKey(fromBase64Url(key)), name);
    } catch {
      // A malformed key in the genesis is the node's problem; the explorer just shows no name.
    }
  };
  named(chain.settlement_key, "settlement key");
  named(chain.treasury_key, "exchange treasury");
  return book;
}

export function addressLink(address: string | null | undefined, book: AddressBook) {
  if (!address) return h("span", { class: "muted" }, "—");
  const name = book.get(address);
  return h(
    "a",
    { href: `#/address/${address}`, title: address, class: "addr" },
    name ? h("span", { class: "addr-name" }, name) : h("code", null, shortHash(address, 6)),
  );
}

export function txLink(hash: string, keep = 8) {
  return h(
    "a",
    { href: `#/tx/${hash}`, title: hash, "data-tx-hash": hash },
    h("code", null, shortHash(hash, keep)),
  );
}

export function blockLink(height: number | null | undefined) {
  if (height === null || height === undefined) return h("span", { class: "muted" }, "—");
  return h("a", { href: `#/blocks/${height}` }, `#${height}`);
}

export function jobLink(jobId: string | null | undefined) {
  if (!jobId) return h("span", { class: "muted" }, "—");
  return h(
    "a",
    { href: `#/jobs/${jobId}`, title: jobId },
    h("code", null, jobId.slice(0, 8) + "…"),
  );
}
