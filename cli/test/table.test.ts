// Terminal tables line up by what the terminal shows: emoji take two columns, so a column after
// "✅ ok" starts where it does after "down".
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { formatFields, formatTable } from "../src/output/table.js";

describe("formatTable", () => {
  it("aligns columns after emoji and accented text by display width", () => {
    const text = formatTable(
      ["service", "status", "latency"],
      [
        ["coordinator", "✅ ok", "49 ms"],
        ["wallet", "❌ down", "-"],
        ["café", "⚪ idle", "3 ms"],
      ],
    );
    const lines = text.split("\n");
    const starts = lines.map((l) => {
      const cut = l.lastIndexOf("  ");
      return stringWidth(l.slice(0, cut + 2));
    });
    expect(new Set(starts).size).toBe(1);
    expect(lines[0]).toBe("service      status   latency");
  });

  it("aligns field values after keys of any width", () => {
    const lines = formatFields([
      ["Status", "✅ completed"],
      ["Émis", "x"],
    ]).split("\n");
    expect(lines).toEqual(["Status: ✅ completed", "Émis:   x"]);
  });
});
