// The bank test, short: 8 clients transfer at random through the wallet while the node and the
// wallet are SIGKILLed every 2 s. `npm run test:bank` runs the long version (AITBC_BANK_SECONDS,
// default 120 there).
import { describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { runBank } from "./support/bank-run.js";

const seconds = Number(process.env.AITBC_BANK_SECONDS ?? 20);

describe.each(testDatabaseKinds())("the bank under kills (%s)", (kind) => {
  it(
    `conserves money, never goes negative, never pays twice and keeps every acknowledged transfer (${seconds} s)`,
    async () => {
      const figures = await runBank({ kind, seconds, killEveryMs: 2000 });
      console.log(`bank figures ${JSON.stringify(figures)}`);
      expect(figures.violations).toEqual([]);
      expect(figures.acked).toBeGreaterThan(0);
      expect(figures.kills.node).toBeGreaterThan(0);
      expect(figures.kills.wallet).toBeGreaterThan(0);
      expect(figures.consistentReads).toBeGreaterThan(0);
    },
    (seconds + 400) * 1000,
  );
});
