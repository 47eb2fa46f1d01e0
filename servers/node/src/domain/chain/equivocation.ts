// Equivocation: one validator signing two different blocks for the same height. Only a faulty or
// hostile validator does that (an honest one proposes a height once), typically to replace a
// block that paid someone with one that does not. The node refuses the second block and keeps
// both signed headers as evidence anyone can re-check.
import type { BlockHeader, SignedBlock } from "@aitbc/sdk";

export interface SignedHeader {
  header: BlockHeader;
  hash: string;
  signature: string;
}

export interface Equivocation {
  proposer: string;
  height: number;
  /** The block this node had first. */
  first: SignedHeader;
  /** The conflicting block it refused. */
  second: SignedHeader;
}

export function signedHeader(block: SignedBlock): SignedHeader {
  return { header: block.header, hash: block.hash, signature: block.signature };
}

/** Evidence when `incoming` and `known` are different blocks by one proposer at one height. */
export function equivocationBetween(
  known: SignedBlock,
  incoming: SignedBlock,
): Equivocation | undefined {
  const a = known.header;
  const b = incoming.header;
  if (a.height !== b.height || a.proposer !== b.proposer || known.hash === incoming.hash)
    return undefined;
  return {
    proposer: b.proposer,
    height: b.height,
    first: signedHeader(known),
    second: signedHeader(incoming),
  };
}
