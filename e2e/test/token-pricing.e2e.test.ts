// An LLM service priced per 1,000 tokens in the marketplace, in a real browser against a real
// stack: its card and page show the token price, and a job on it shows the price and a receipt
// billed in output tokens.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { formatAitbc, type AitbcClient } from "@aitbc/sdk";
import { launchChromium } from "../src/chromium.js";
import { clientFor, openPage, signIn, type OpenedPage } from "../src/page-helpers.js";

const stack = inject("stack");
const SERVICE_ID = "tiny-llm-by-token";

describe.skipIf(!stack)("token-priced services in the marketplace", () => {
  const s = stack!;
  let browser: Browser;
  let opened: OpenedPage;
  let page: Page;
  let customer: AitbcClient;

  beforeAll(async () => {
    customer = clientFor(s.config, s.credentials.customer.api_key);
    // The dev provider's miner serves the offline model, so the service can run jobs.
    const provider = clientFor(s.config, s.credentials.provider.api_key);
    await provider.coordinator.registerService({
      body: {
        service_id: SERVICE_ID,
        name: "Tiny LLM by the token",
        type: "llm_inference",
        specs: { gpu_type: "none (CPU)", memory: "1GB", models: ["aitbc-tiny:latest"] },
        pricing: {
          currency: "AITBC",
          unit_type: "tokens",
          price_per_1k_output_tokens: 0.002,
          price_per_1k_input_tokens: 0.001,
        },
      },
    });
    browser = await launchChromium();
    opened = await openPage(browser, s.config.marketplace!);
    page = opened.page;
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(() => {
    expect(opened.errors.splice(0)).toEqual([]);
  });

  it("shows the price per 1k output and input tokens on the card and the service page", async () => {
    const card = page.locator(`#service-results [data-service-id="${SERVICE_ID}"] .service-price`);
    await card.waitFor();
    expect(await card.getAttribute("data-unit-type")).toBe("tokens");
    expect((await card.innerText()).replace(/\s+/g, " ")).toBe(
      "0.002 AITBC / 1k output tokens + 0.001 AITBC / 1k input tokens",
    );
    await page.goto(`${s.config.marketplace}/#/services/${SERVICE_ID}`);
    const rate = page.locator("#service-rate");
    await rate.waitFor();
    expect(await rate.innerText()).toBe("0.002 AITBC");
    expect(await rate.locator("xpath=..").innerText()).toContain("per 1k output tokens");
  });

  it("shows a job's token price and its receipt billed in output tokens", async () => {
    const job = await customer.coordinator.createJob({
      body: {
        service_id: SERVICE_ID,
        requirements: {
          task_type: "inference",
          model: "aitbc-tiny:latest",
          prompt: "Hello AITBC",
          max_tokens: 8,
        },
        budget: { max_cost: 1, currency: "AITBC" },
      },
    });
    const done = await customer.waitForJob(job.job_id);
    expect(done.status).toBe("completed");
    const results = await customer.coordinator.getJobResults({ path: { job_id: job.job_id } });
    expect(results.receipt).toMatchObject({ unit_type: "tokens", unit_price: "2000" });

    expect(await signIn(page, s.credentials.customer.api_key)).toBe("customer");
    await page.goto(`${s.config.marketplace}/#/jobs/${job.job_id}`);
    await page.locator("#job-price").waitFor();
    expect(await page.locator("#job-price").innerText()).toBe(
      "0.002 AITBC / 1k output tokens + 0.001 AITBC / 1k input tokens",
    );
    await page.locator("#receipt-unit-price").waitFor();
    expect(await page.locator("#receipt-unit-price").innerText()).toBe(
      "0.002 AITBC per 1k output tokens, 0.001 AITBC per 1k input tokens",
    );
    expect(await page.locator("#receipt-cost").innerText()).toBe(
      `${formatAitbc(BigInt(results.receipt!.cost))} AITBC`,
    );
  });
});
