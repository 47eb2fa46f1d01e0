// Plain aligned columns for terminal output.

export function formatTable(
  headers: string[],
  rows: Array<Array<string | number | undefined | null>>,
): string {
  const cells = rows.map((r) => r.map((c) => (c === undefined || c === null ? "-" : String(c))));
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)),
  );
  const line = (row: string[]) =>
    row
      .map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "─".repeat(w))), ...cells.map(line)].join("\n");
}

/** `key: value` lines with the keys aligned. */
export function formatFields(
  fields: Array<[string, string | number | boolean | undefined | null]>,
): string {
  const width = Math.max(...fields.map(([k]) => k.length));
  return fields
    .map(
      ([k, v]) =>
        `${(k + ":").padEnd(width + 1)} ${v === undefined || v === null ? "-" : String(v)}`,
    )
    .join("\n");
}
