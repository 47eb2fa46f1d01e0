// What the chain needs to know about a block to build on it or check a child against it.
export interface HeadInfo {
  height: number;
  hash: string;
  timestamp: string;
  timestampMs: number;
  /** Cumulative fork-choice weight from genesis. */
  weight: number;
  stateRoot: string;
}
