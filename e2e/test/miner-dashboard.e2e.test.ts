// The miner dashboard (:24000): the miners with their models, the jobs in flight and the
// providers' earnings, by role.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../src/chromium.js";
import { clientFor, openPage, signIn, until, type OpenedPage } from "../src/page-helpers.js";
import { screenshot } from "../src/screenshots.js";
import { runSettledJob } from "../src/settled-job.js";

const stack = inject("stack");

describe.skipIf(!stack)("miner dashboard page", () => {
  const s = stack!;
  let browser: Browser;
  let opened: OpenedPage;
  let page: Page;

  beforeAll(async () => {
    await runSettledJob(
      clientFor(s.config, s.credentials.customer.api_key),
      s.credentials.provider.service_id,
    );
    browser = await launchChromium();
    opened = await openPage(browser, s.config.miner_dashboard!);
    page = opened.page;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("asks for a key first, and turns a customer away with what to do", async () => {
    await page.locator(".empty-title").waitFor();
    expect(await page.locator(".empty-title").innerText()).toBe("Sign in to see the miners");
    expect(await signIn(page, s.credentials.customer.api_key)).toBe("customer");
    await page.locator(".notice-warning").waitFor();
    expect(await page.locator(".notice-warning").innerText()).toContain("is a customer account");
  });

  it("shows an admin every miner with its models, and each provider's earnings from the receipts", async () => {
    expect(await signIn(page, s.credentials.admin.api_key)).toBe("admin");
    const admin = clientFor(s.config, s.credentials.admin.api_key);
    const miners = await admin.coordinator.listAdminMiners({ query: { limit: 100 } });
    const dev = miners.miners.find(
      (m) => m.provider_id === "dev-provider" && m.status === "online",
    )!;
    expect(dev).toBeDefined();

    const row = page.locator(`#miners-table tr[data-miner-id="${dev.miner_id}"]`);
    await row.waitFor();
    expect(await row.getAttribute("data-status")).toBe("online");
    expect(await row.locator('[data-model="aitbc-tiny:latest"]').count()).toBe(1);
    expect(await row.innerText()).toContain(dev.name);

    const receipts = await admin.coordinator.listReceipts({ query: { limit: 200 } });
    const earned = receipts.receipts
      .filter((r) => r.receipt.provider_id === "dev-provider" && r.payment_tx_hash)
      .reduce((sum, r) => sum + BigInt(r.receipt.cost), 0n);
    expect(earned).toBeGreaterThan(0n);
    const cell = page.locator("#earnings-table [data-earned-micro]").first();
    await until(
      () => cell.getAttribute("data-earned-micro"),
      (v) => v === String(earned),
      "the earnings to match the receipts",
    );
    await page
      .locator("#inflight-body")
      .filter({ hasText: /No jobs in flight|Job/ })
      .waitFor();
    await screenshot(page, "miner-dashboard-admin");
  });

  it("shows a provider its own services and what its miners serve", async () => {
    expect(await signIn(page, s.credentials.provider.api_key)).toBe("provider");
    const service = await clientFor(s.config).coordinator.getService({
      path: { service_id: s.credentials.provider.service_id },
    });
    await page.locator("#services-table").getByText(service.name).waitFor();
    expect(await page.locator("#services-table").innerText()).toContain("aitbc-tiny:latest");
    expect(await page.locator(".notice-info").innerText()).toContain("admin key");
    await page.locator('[data-stat="earned"]').waitFor();
    await screenshot(page, "miner-dashboard-provider");
    expect(opened.errors).toEqual([]);
  });
});
