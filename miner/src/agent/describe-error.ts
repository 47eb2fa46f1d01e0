// One line about an error for the miner's logs: the problem code for coordinator errors.
import { AitbcError } from "@aitbc/sdk";

export function describeError(err: unknown): string {
  if (err instanceof AitbcError) return `${err.code}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}
