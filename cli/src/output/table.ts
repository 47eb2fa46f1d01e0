// Plain aligned columns for terminal output. Widths are what a terminal shows (string-width):
// an emoji such as ✅ takes two columns and a combining accent none, so `.length` would misalign.
import stringWidth from "string-width";

function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - stringWidth(text)));
}

export function formatTable(
  headers: string[],
  rows: Array<Array<string | number | undefined | null>>,
): string {
  const cells = rows.map((r) => r.map((c) => (c === undefined || c === null ? "-" : String(c))));
  const widths = headers.map((h, i) =>
    Math.max(stringWidth(h), ...cells.map((r) => stringWidth(r[i] ?? ""))),
  );
  const line = (row: string[]) =>
    row
      .map((c, i) => (i === row.length - 1 ? c : padEnd(c, widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "─".repeat(w))), ...cells.map(line)].join("\n");
}

/** `key: value` lines with the keys aligned. */
export function formatFields(
  fields: Array<[string, string | number | boolean | undefined | null]>,
): string {
  const width = Math.max(...fields.map(([k]) => stringWidth(k)));
  return fields
    .map(
      ([k, v]) =>
        `${padEnd(k + ":", width + 1)} ${v === undefined || v === null ? "-" : String(v)}`,
    )
    .join("\n");
}
