// The explorer (:22000): the chain's blocks and transactions, and a job's settlement visible on
// the chain ("Transaction visible on explorer").
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { formatAitbc, toMicro, type CoordinatorTypes } from "@aitbc/sdk";
import { launchChromium } from "../src/chromium.js";
import { clientFor, openPage, type OpenedPage } from "../src/page-helpers.js";
import { screenshot } from "../src/screenshots.js";
import { runSettledJob } from "../src/settled-job.js";

const stack = inject("stack");

describe.skipIf(!stack)("explorer page", () => {
  const s = stack!;
  let browser: Browser;
  let opened: OpenedPage;
  let page: Page;
  let job: CoordinatorTypes.JobResults;

  beforeAll(async () => {
    const customer = clientFor(s.config, s.credentials.customer.api_key);
    job = await runSettledJob(customer, s.credentials.provider.service_id);
    browser = await launchChromium();
    opened = await openPage(browser, s.config.explorer!);
    page = opened.page;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows the chain's height, its latest blocks and the settlement among the latest transactions", async () => {
    const settlement = job.payment.tx_hash!;
    expect(settlement).toMatch(/^0x[0-9a-f]{64}$/);
    const node = clientFor(s.config).node;
    const head = await node.getSyncStatus();

    const height = page.locator("#chain-height");
    await height.waitFor();
    expect(Number(await height.getAttribute("data-height"))).toBeGreaterThanOrEqual(head.height);
    const heights = await page
      .locator("#latest-blocks-table tbody tr")
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-height"))));
    expect(heights.length).toBeGreaterThan(0);
    expect(heights).toEqual([...heights].sort((a, b) => b - a));

    // Every validator node side by side, each reachable and producing blocks.
    await page.locator("#nodes-table").waitFor();
    const nodeHeights = await page
      .locator("#nodes-table [data-node-height]")
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-node-height"))));
    expect(nodeHeights).toHaveLength(s.config.nodes.length);
    for (const h of nodeHeights) expect(h).toBeGreaterThan(0);

    const row = page.locator(`#latest-txs-table tr[data-tx-hash="${settlement}"]`);
    await row.waitFor();
    expect(await row.getAttribute("data-tx-type")).toBe("escrow_release");
    expect(await row.innerText()).toContain("Settlement");
    await screenshot(page, "explorer-overview");
  });

  it("opens the settlement: confirmed in a block, paying the provider the receipt's cost", async () => {
    const settlement = job.payment.tx_hash!;
    await page
      .locator(`#latest-txs-table tr[data-tx-hash="${settlement}"] a[data-tx-hash]`)
      .click();
    const detail = page.locator("#tx-detail");
    await detail.waitFor();
    expect(await detail.getAttribute("data-tx-type")).toBe("escrow_release");
    expect(await detail.getAttribute("data-status")).toBe("confirmed");
    expect(await page.locator("#tx-paid").innerText()).toBe(
      `${formatAitbc(BigInt(job.receipt!.cost))} AITBC`,
    );
    expect(await page.locator("#tx-refund").innerText()).toBe(
      `${formatAitbc(toMicro(job.payment.refund!))} AITBC`,
    );
    expect(await detail.innerText()).toContain(job.receipt_hash!);
    await screenshot(page, "explorer-settlement-tx");

    const chainTx = await clientFor(s.config).node.getTransaction({
      body: { tx_hash: settlement },
    });
    await page.locator(`#tx-detail a[href="#/blocks/${chainTx.block_height}"]`).first().click();
    await page.locator(`#block-detail[data-height="${chainTx.block_height}"]`).waitFor();
    expect(await page.locator("#block-txs").innerText()).toContain(settlement.slice(0, 8));
  });

  it("finds a job's escrow by its id: locked, then settled, with both transactions", async () => {
    await page.goto(`${s.config.explorer}/#/`);
    await page.locator("#explorer-search").fill(job.job_id);
    await page.locator("#explorer-search").press("Enter");
    const escrow = page.locator(`#job-escrow[data-job-id="${job.job_id}"]`);
    await escrow.waitFor();
    expect(await escrow.getAttribute("data-escrow-status")).toBe("settled");
    const types = await page
      .locator("#job-txs tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-tx-type")));
    expect(types.sort()).toEqual(["escrow_lock", "escrow_release"]);
    await screenshot(page, "explorer-job-escrow");
  });

  it("lists settlements on their own tab, and says what a search cannot be", async () => {
    await page.getByRole("link", { name: "Settlements" }).click();
    await page.locator(`#txs-table tr[data-tx-hash="${job.payment.tx_hash}"]`).waitFor();
    const types = await page
      .locator("#txs-table tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-tx-type")));
    expect(new Set(types)).toEqual(new Set(["escrow_release"]));

    await page.goto(`${s.config.explorer}/#/`);
    await page.locator("#explorer-search").fill("not-a-hash");
    await page.locator("#explorer-search").press("Enter");
    expect(await page.locator(".search-error").innerText()).toContain("Not a tx hash");

    await page.goto(`${s.config.explorer}/#/tx/0x${"ab".repeat(32)}`);
    await page.locator(".empty-title", { hasText: "Transaction not found" }).waitFor();
    expect(opened.errors).toEqual([]);
  });
});
