// One run of the suite at one level against the given URLs: decides for each service whether it is
// a Prism mock, prints where it is going, and runs the contract or scenario level.
import type { RunOptions } from "./config/cli-options.js";
import { runContract, type ContractTarget } from "./contract/run-contract.js";
import { isPrismMock } from "./mock/detect-mock.js";
import { Reporter } from "./report/reporter.js";
import { SEED_SCENARIO } from "./scenario/cases/index.js";
import type { ScenarioCase } from "./scenario/scenario-case.js";
import { ScenarioContext } from "./scenario/scenario-context.js";
import { runScenario } from "./scenario/run-scenario.js";
import { loadOpenApiDocuments, type LoadedDocument } from "./spec/documents.js";

export interface RunConformanceExtras {
  reporter?: Reporter;
  documents?: LoadedDocument[];
  /** Scenario cases to run instead of the seed's. */
  cases?: readonly ScenarioCase[];
}

export async function runConformance(
  options: RunOptions,
  extras: RunConformanceExtras = {},
): Promise<Reporter> {
  const reporter = extras.reporter ?? new Reporter();
  const documents = extras.documents ?? loadOpenApiDocuments(options.specDir);
  const targets: Record<string, ContractTarget | undefined> = {};
  for (const [name, url] of Object.entries(options.urls)) {
    if (!url) continue;
    targets[name] = {
      baseUrl: url,
      mode: options.mock || (await isPrismMock(url)) ? "mock" : "real",
    };
  }
  reporter.info(`aitbc-conformance: level ${options.level}`);
  for (const [name, t] of Object.entries(targets)) {
    reporter.info(
      `  ${name.padEnd(11)} ${t!.baseUrl}  (${t!.mode === "mock" ? "Prism mock" : "implementation"})`,
    );
  }
  if (options.sources.length) reporter.info(`  read ${options.sources.join(", ")}`);

  if (options.level === "contract") {
    await runContract({
      documents,
      targets,
      credentials: options.credentials,
      reporter,
      timeoutMs: options.timeoutMs,
    });
  } else {
    const anyMock = Object.values(targets).some((t) => t?.mode === "mock");
    const ctx = new ScenarioContext({
      mode: anyMock ? "mock" : "real",
      documents,
      targets: {
        coordinatorUrl: options.urls.coordinator,
        nodeUrl: options.urls.node,
        walletUrl: options.urls.wallet,
        exchangeUrl: options.urls.exchange,
      },
      adminKey: options.credentials.adminKey ?? options.credentials.apiKey,
      provider: options.provider,
      reporter,
    });
    if (anyMock) reporter.info("  mock mode: checks that need real state are reported as SKIP");
    await runScenario(ctx, extras.cases ?? SEED_SCENARIO, reporter);
  }
  reporter.printSummary();
  return reporter;
}
