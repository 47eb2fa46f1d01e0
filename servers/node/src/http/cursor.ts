// Opaque-looking keyset cursors: a block height, or a (height, position) pair for transactions.
import { ValidationFailed } from "@aitbc/server-lib";

function bad(): ValidationFailed {
  return ValidationFailed.field("query.cursor", "is not a cursor this API returned");
}

export function decodeHeightCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  if (!/^\d{1,15}$/.test(cursor)) throw bad();
  return Number(cursor);
}

export function decodeTxCursor(
  cursor: string | undefined,
): { height: number; position: number } | undefined {
  if (cursor === undefined) return undefined;
  const m = /^(\d{1,15})\.(\d{1,6})$/.exec(cursor);
  if (!m) throw bad();
  return { height: Number(m[1]), position: Number(m[2]) };
}

export function encodeTxCursor(height: number, position: number): string {
  return `${height}.${position}`;
}
