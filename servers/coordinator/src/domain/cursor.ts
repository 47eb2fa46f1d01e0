// Opaque, stable paging cursors: base64url JSON of the sort key of the last row of a page.
import { ValidationFailed } from "@aitbc/server-lib";

export function encodeCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

export function decodeCursor<K extends string>(
  cursor: string | undefined,
  fields: readonly K[],
): Record<K, string> | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Record<
      string,
      unknown
    >;
    for (const f of fields) if (typeof v[f] !== "string") throw new Error("bad cursor");
    return v as Record<K, string>;
  } catch {
    throw ValidationFailed.field("query.cursor", "is not a cursor returned by this endpoint");
  }
}
