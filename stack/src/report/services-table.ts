// The table `npm start` prints once the stack is up, and the commands to try next.

export interface ServiceRow {
  service: string;
  url: string;
  health: string;
}

export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "─".repeat(w))), ...rows.map(line)].join("\n");
}

export function servicesTable(rows: ServiceRow[]): string {
  return formatTable(
    ["service", "url", "health"],
    rows.map((r) => [r.service, r.url, r.health]),
  );
}

export function nextCommands(options: { dataDir: string; defaultDataDir: boolean }): string {
  const env = options.defaultDataDir ? "" : `AITBC_DATA_DIR=${options.dataDir} `;
  // dataDir is shown as given: relative inside the project, absolute elsewhere.
  return [
    "Try, from another terminal:",
    `  ${env}npx aitbc health`,
    `  ${env}npx aitbc services`,
    `  ${env}npx aitbc submit inference --prompt "Hello AITBC" --model aitbc-tiny:latest --ttl 900 --watch`,
    `  ${env}npx aitbc receipts --limit 5 --verify`,
    `  ${env}npx tsx examples/full-scenario.ts`,
  ].join("\n");
}
