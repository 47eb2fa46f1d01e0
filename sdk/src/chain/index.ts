// Chain helpers: address, transaction format, signing. See HACKING.md.
export * from "./address.js";
export * from "./tx.js";
