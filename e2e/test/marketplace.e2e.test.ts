// A provider's and a customer's phases 1–4 in the marketplace (:21000), in a real browser against a real stack:
// a provider lists a service, a customer filters the listing, runs a job, watches it stream,
// verifies the receipt and the payment, and reviews the provider.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { NotFoundError, formatAitbc, toMicro, type AitbcClient } from "@aitbc/sdk";
import { launchChromium } from "../src/chromium.js";
import { clientFor, openPage, signIn, until, type OpenedPage } from "../src/page-helpers.js";
import { screenshot } from "../src/screenshots.js";

const stack = inject("stack");

describe.skipIf(!stack)("marketplace page", () => {
  const s = stack!;
  let browser: Browser;
  let opened: OpenedPage;
  let page: Page;
  let admin: AitbcClient;
  let customer: AitbcClient;
  let providerKey: string;

  /** The stack asks for a minimum bond to list a service: the faucet funds it, the wallet locks it. */
  const postBond = async (provider: AitbcClient, address: string, amount: number) => {
    await admin.node.requestFaucet({ body: { address, amount } });
    await until(
      () => admin.node.getAccount({ path: { address } }),
      (a) => BigInt(a.balance_micro) >= toMicro(amount),
      `the faucet grant to ${address}`,
    );
    await provider.wallet.lockBond({ body: { amount } });
  };

  beforeAll(async () => {
    admin = clientFor(s.config, s.credentials.admin.api_key);
    customer = clientFor(s.config, s.credentials.customer.api_key);
    // The example provider, and two more services so that every filter has something to drop.
    const gpuPro = await admin.coordinator.createAccount({
      body: { id: "gpu-compute-pro", name: "GPUCompute Pro", role: "provider" },
    });
    providerKey = gpuPro.api_key;
    await postBond(clientFor(s.config, gpuPro.api_key), gpuPro.address, 30);
    const farm = await admin.coordinator.createAccount({
      body: { id: "render-farm", name: "Render Farm", role: "provider" },
    });
    const farmClient = clientFor(s.config, farm.api_key);
    await postBond(farmClient, farm.address, 10);
    const year = new Date().getUTCFullYear();
    await farmClient.coordinator.registerService({
      body: {
        service_id: "gpu-rendering",
        name: "3D Rendering Service",
        type: "rendering",
        specs: { gpu_type: "RTX 4090", memory: "24GB", supported_frameworks: ["Blender"] },
        pricing: { rate_per_hour: 250, currency: "AITBC" },
        availability: {
          start_time: `${year}-01-01T00:00:00Z`,
          end_time: `${year + 1}-12-31T23:59:59Z`,
        },
      },
    });
    await farmClient.coordinator.registerService({
      body: {
        service_id: "gpu-ml-training-2024",
        name: "ML Model Training (2024 season)",
        type: "gpu_compute",
        specs: { gpu_type: "RTX 4090", memory: "24GB", supported_frameworks: ["PyTorch"] },
        pricing: { rate_per_hour: 80, currency: "AITBC" },
        availability: { start_time: "2024-01-01T00:00:00Z", end_time: "2024-12-31T23:59:59Z" },
      },
    });
    // A provider that listed with a bond and then unlocked it: its card says it has none.
    const idle = await admin.coordinator.createAccount({
      body: { id: "idle-renders", name: "Idle Renders", role: "provider" },
    });
    const idleClient = clientFor(s.config, idle.api_key);
    await postBond(idleClient, idle.address, 10);
    await idleClient.coordinator.registerService({
      body: {
        service_id: "idle-rendering",
        name: "Idle Rendering",
        type: "rendering",
        specs: { gpu_type: "RTX 3090", memory: "24GB", supported_frameworks: ["Blender"] },
        pricing: { rate_per_hour: 300, currency: "AITBC" },
      },
    });
    await idleClient.wallet.unlockBond({ body: {} });
    browser = await launchChromium();
    opened = await openPage(browser, s.config.marketplace!);
    page = opened.page;
  });

  afterAll(async () => {
    await browser?.close();
  });

  // The tests that share the page leave it without an uncaught error.
  afterEach(() => {
    expect(opened.errors.splice(0)).toEqual([]);
  });

  const cardIds = async () =>
    (
      await page
        .locator("#service-results [data-service-id]")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-service-id")))
    ).sort();

  it("lists a provider's service through “Become a Provider”; it shows in the listing at once", async () => {
    await page.getByRole("link", { name: "Become a Provider" }).first().click();
    await page.locator("#provider-form").waitFor();
    expect(await signIn(page, providerKey)).toBe("provider");
    await expect.poll(() => page.locator("#provider-name").inputValue()).toBe("GPUCompute Pro");

    await page.locator("#service-name-input").fill("GPU Computing Service");
    await page.locator("#service-id-input").fill("gpu-compute-001");
    await page.locator("#service-type").selectOption({ label: "GPU Computing" });
    await page
      .locator("#service-description")
      .fill("High-performance GPU computing for AI/ML workloads");
    await page.locator("#gpu-type").fill("NVIDIA RTX 4090");
    await page.locator("#gpu-memory").fill("24GB");
    await page.locator("#cuda-cores").fill("16384");
    await page.locator("#frameworks").fill("PyTorch, TensorFlow, JAX");
    await page.locator("#pricing-model").selectOption({ label: "Per hour" });
    await page.locator("#rate").fill("100");
    await screenshot(page, "marketplace-become-a-provider");
    await page.locator("#provider-submit").click();

    await page.locator('#service-detail[data-service-id="gpu-compute-001"]').waitFor();
    expect(await page.locator(".notice-success").innerText()).toContain("Your service is listed");
    expect(await page.locator("#service-name").innerText()).toBe("GPU Computing Service");
    const stored = await customer.coordinator.getService({
      path: { service_id: "gpu-compute-001" },
    });
    expect(stored).toMatchObject({
      provider_id: "gpu-compute-pro",
      type: "gpu_compute",
      available_now: true,
      pricing: { rate_per_hour: 100, currency: "AITBC" },
      specs: {
        gpu_type: "NVIDIA RTX 4090",
        memory: "24GB",
        cuda_cores: 16384,
        supported_frameworks: ["PyTorch", "TensorFlow", "JAX"],
      },
    });

    await page.getByRole("link", { name: "Browse services" }).click();
    // The detail page carries the same data-service-id: wait for the listing's card.
    await page.locator('#service-results [data-service-id="gpu-compute-001"]').waitFor();
    await expect
      .poll(cardIds)
      .toEqual(
        [
          s.credentials.provider.service_id,
          "gpu-compute-001",
          "gpu-ml-training-2024",
          "gpu-rendering",
          "idle-rendering",
        ].sort(),
      );
  });

  it("shows a customer key's 403 with what to do, and lists nothing", async () => {
    await page.goto(`${s.config.marketplace}/#/provider`);
    expect(await signIn(page, s.credentials.customer.api_key)).toBe("customer");
    await page.locator("#provider-form .notice, .notice-warning").first().waitFor();
    await page.locator("#service-name-input").fill("Sneaky Service");
    await page.locator("#service-id-input").fill("sneaky-service");
    await page.locator("#gpu-type").fill("RTX 4090");
    await page.locator("#gpu-memory").fill("24GB");
    await page.locator("#provider-submit").click();
    const problem = page.locator("#provider-form-status .notice-error");
    await problem.waitFor();
    const text = await problem.innerText();
    expect(text).toContain("Not allowed with this key");
    expect(text).toContain("code: forbidden · HTTP 403");
    expect(text).toContain("provider account's API key");
    await screenshot(page, "marketplace-provider-403");
    await expect(
      customer.coordinator.getService({ path: { service_id: "sneaky-service" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("narrows the listing by category, price range 50–200 AITBC/hour and “available now”", async () => {
    // The services of beforeAll are this test's fixtures; the one the "Become a Provider" test
    // lists may or may not exist yet, depending on which test ran first, so it is left out.
    const listedByAnotherTest = new Set(["gpu-compute-001"]);
    const fixtureCards = async () =>
      (await cardIds()).filter((id) => id && !listedByAnotherTest.has(id));
    await page.goto(`${s.config.marketplace}/#/`);
    await page.locator("#service-results [data-service-id]").first().waitFor();

    await page.locator("#filter-type").selectOption({ label: "GPU Computing" });
    await expect
      .poll(fixtureCards)
      .toEqual([s.credentials.provider.service_id, "gpu-ml-training-2024"].sort());

    await page.locator("#filter-min-price").fill("50");
    await page.locator("#filter-max-price").fill("200");
    await page.locator("#filter-apply").click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain("min_price=50");
    await expect
      .poll(fixtureCards)
      .toEqual([s.credentials.provider.service_id, "gpu-ml-training-2024"].sort());

    await page.locator("#filter-available-now").check();
    await expect.poll(fixtureCards).toEqual([s.credentials.provider.service_id]);
    const shown = (await cardIds()).length;
    expect(await page.locator("#service-count").innerText()).toBe(
      `${shown} ${shown === 1 ? "service matches" : "services match"} these filters`,
    );
    await screenshot(page, "marketplace-filtered");

    await page.locator("#filter-min-price").fill("201");
    await page.locator("#filter-apply").click();
    await page.locator(".notice-warning").waitFor();
    expect(await page.locator(".notice-warning").innerText()).toContain(
      "lowest price is above the highest price",
    );

    await page.goto(`${s.config.marketplace}/#/?type=gpu_compute&min_price=300`);
    await page.locator(".empty-title", { hasText: "No services match these filters" }).waitFor();
  });

  it("marks a listing whose claimed GPU no online miner has “Unverified hardware”; “Verified hardware only” leaves it out", async () => {
    const listedByAnotherTest = new Set(["gpu-compute-001"]);
    const fixtureCards = async () =>
      (await cardIds()).filter((id) => id && !listedByAnotherTest.has(id));
    await page.goto(`${s.config.marketplace}/#/`);
    await page.locator("#service-results [data-service-id]").first().waitFor();
    // The render farm has no miner at all; the dev service's CPU-only claim is what its miner has.
    const rendering = page.locator(
      '[data-service-id="gpu-rendering"] [data-hardware="unverified"]',
    );
    expect(await rendering.innerText()).toBe("Unverified hardware");
    expect(await rendering.getAttribute("title")).toContain("No miner of the provider is online");
    const devCard = page.locator(`[data-service-id="${s.credentials.provider.service_id}"]`);
    expect(await devCard.locator('[data-hardware="unverified"]').count()).toBe(0);

    await page.locator("#filter-verified-only").check();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain("verified_only=true");
    await expect.poll(fixtureCards).toEqual([s.credentials.provider.service_id]);
    await screenshot(page, "marketplace-verified-only");

    await page.goto(`${s.config.marketplace}/#/services/gpu-rendering`);
    await page.locator("#service-hardware").waitFor();
    expect(await page.locator("#service-hardware").innerText()).toContain("Unverified hardware:");
    // Back to the listing, where the next tests start from.
    await page.goto(`${s.config.marketplace}/#/`);
    await page.locator("#service-results [data-service-id]").first().waitFor();
  });

  it("shows each provider's bond on its card, and a minimum bond filter drops the smaller ones", async () => {
    const listedByAnotherTest = new Set(["gpu-compute-001"]);
    const fixtureCards = async () =>
      (await cardIds()).filter((id) => id && !listedByAnotherTest.has(id));
    const bondOf = (id: string) =>
      page.locator(`#service-results [data-service-id="${id}"] .bond`).innerText();
    await page.goto(`${s.config.marketplace}/#/`);
    await page.locator('#service-results [data-service-id="idle-rendering"]').waitFor();
    expect(await bondOf("gpu-rendering")).toBe("Bond 10 AITBC");
    expect(await bondOf(s.credentials.provider.service_id)).toBe("Bond 20 AITBC");
    // An unlocking bond counts as none, and falls below the stack's minimum of 10 AITBC.
    expect(await bondOf("idle-rendering")).toBe("No bond (minimum 10 AITBC)");
    await screenshot(page, "marketplace-bonds");

    await page.locator("#filter-min-bond").fill("15");
    await page.locator("#filter-apply").click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain("min_bond=15");
    await expect.poll(fixtureCards).toEqual([s.credentials.provider.service_id]);

    await page.locator("#filter-min-bond").fill("5");
    await page.locator("#filter-apply").click();
    await expect
      .poll(fixtureCards)
      .toEqual([s.credentials.provider.service_id, "gpu-ml-training-2024", "gpu-rendering"].sort());

    await page.locator("#filter-min-bond").fill("1.1234567");
    await page.locator("#filter-apply").click();
    await page.locator(".notice-warning").waitFor();
    expect(await page.locator(".notice-warning").innerText()).toContain("Minimum bond");
  });

  it("refuses a budget above the balance with the 402 and creates no job", async () => {
    await signIn(page, s.credentials.customer.api_key);
    const before = await customer.coordinator.listJobs({ query: { limit: 200 } });
    await page.goto(`${s.config.marketplace}/#/services/${s.credentials.provider.service_id}`);
    await page.locator("#job-form").waitFor();
    await page.locator("#job-budget").fill("5000000");
    await page.locator("#job-submit").click();
    const problem = page.locator("#job-form-status .notice-error");
    await problem.waitFor();
    const text = await problem.innerText();
    expect(text).toContain("Not enough AITBC");
    expect(text).toContain("Trade Exchange");
    expect(text).toContain("insufficient_funds");
    const after = await customer.coordinator.listJobs({ query: { limit: 200 } });
    expect(after.jobs.length).toBe(before.jobs.length);
  });

  it("runs an inference job on aitbc-tiny:latest: live tokens, result, verified receipt, settled payment", async () => {
    await signIn(page, s.credentials.customer.api_key);
    const balanceBefore = await customer.wallet.getBalance();
    await page.goto(`${s.config.marketplace}/#/services/${s.credentials.provider.service_id}`);
    await page.locator("#job-form").waitFor();
    expect(await page.locator("#job-model option").allInnerTexts()).toContain("aitbc-tiny:latest");
    await page.locator("#job-model").selectOption("aitbc-tiny:latest");
    await page.locator("#job-prompt").fill("Hello AITBC");
    await page.locator("#job-max-tokens").fill("32");
    await page.locator("#job-budget").fill("5");
    await page.locator("#job-submit").click();

    await page.locator("#job-detail").waitFor();
    const jobId = (await page.locator("#job-detail").getAttribute("data-job-id"))!;
    expect(jobId).toMatch(/^[0-9a-f]{32}$/);
    await page.locator('#job-status[data-status="completed"]').waitFor();
    await page.locator('#receipt-verification[data-verified="true"]').waitFor();
    await page.locator('[data-payment-status="settled"]').waitFor();

    const results = await customer.coordinator.getJobResults({ path: { job_id: jobId } });
    expect(results.status).toBe("completed");
    // The stream delivered the miner's output token by token: all of it, in order.
    expect(
      Number(await page.locator("#stream-meta").getAttribute("data-events")),
    ).toBeGreaterThanOrEqual(4);
    expect(await page.locator("#live-output").textContent()).toBe(results.result!.output.text);
    expect(await page.locator("#result-output").textContent()).toBe(results.result!.output.text);
    // Every receipt check passed in the browser, including the on-chain anchor.
    const checks = await page
      .locator("#receipt-verification .checks li")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-ok")));
    expect(checks.length).toBeGreaterThanOrEqual(5);
    expect(new Set(checks)).toEqual(new Set(["true"]));
    expect(await page.locator("#settlement-tx").getAttribute("data-tx-hash")).toBe(
      results.payment.tx_hash,
    );
    expect(await page.locator("#payment-paid").innerText()).toBe(
      `${formatAitbc(toMicro(results.payment.paid!))} AITBC`,
    );
    // The customer paid exactly the receipt's cost.
    const balanceAfter = await customer.wallet.getBalance();
    expect(BigInt(balanceBefore.balance_micro) - BigInt(balanceAfter.balance_micro)).toBe(
      BigInt(results.receipt!.cost),
    );
    await screenshot(page, "marketplace-job-completed");
  });

  it("takes a review, and the provider's reputation shows it at once", async () => {
    // Its own completed job on its own page, so that it runs alone and in any order.
    const job = await customer.coordinator.createJob({
      body: {
        service_id: s.credentials.provider.service_id,
        requirements: {
          task_type: "inference",
          model: "aitbc-tiny:latest",
          prompt: "Hello AITBC",
          max_tokens: 8,
        },
        budget: { max_cost: 1, currency: "AITBC" },
      },
    });
    await customer.waitForJob(job.job_id);
    const before = await customer.coordinator.getProviderReputation({
      path: { provider_id: "dev-provider" },
    });
    const own = await openPage(browser, s.config.marketplace!);
    try {
      const reviewPage = own.page;
      expect(await signIn(reviewPage, s.credentials.customer.api_key)).toBe("customer");
      await reviewPage.goto(`${s.config.marketplace}/#/jobs/${job.job_id}`);
      await reviewPage.locator("#review-form").waitFor();
      await reviewPage.locator('label[for="rating-4"]').click();
      await reviewPage
        .locator("#review-text")
        .fill("Excellent service! Fast execution and great results.");
      await reviewPage.locator("#review-submit").click();
      await reviewPage.locator("#review-status .notice-success").waitFor();
      const rep = reviewPage.locator("#review-reputation [data-rating-count]");
      await rep.waitFor();
      expect(Number(await rep.getAttribute("data-rating-count"))).toBe(before.rating_count + 1);

      const after = await customer.coordinator.getProviderReputation({
        path: { provider_id: "dev-provider" },
      });
      expect(after.rating_count).toBe(before.rating_count + 1);
      expect(Number(await rep.getAttribute("data-rating-average"))).toBe(after.rating_average);

      await reviewPage.goto(
        `${s.config.marketplace}/#/services/${s.credentials.provider.service_id}`,
      );
      await reviewPage.locator("#reviews").waitFor();
      expect(await reviewPage.locator("#reviews").innerText()).toContain(
        "Excellent service! Fast execution and great results.",
      );
      expect(
        await reviewPage
          .locator("#provider-reputation [data-rating-count]")
          .getAttribute("data-rating-count"),
      ).toBe(String(after.rating_count));
      await screenshot(reviewPage, "marketplace-service-reviewed");
      expect(own.errors).toEqual([]);
    } finally {
      await own.context.close();
    }
  });
});
