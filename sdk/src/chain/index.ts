// Chain helpers: address, transaction and block formats, signing, genesis. See HACKING.md.
export * from "./address.js";
export * from "./tx.js";
export * from "./deposit-tx.js";
export * from "./bond-tx.js";
export * from "./pool-tx.js";
export * from "./block.js";
export * from "./genesis.js";
export type * as P2pMessages from "../gen/events/p2p.gen.js";
