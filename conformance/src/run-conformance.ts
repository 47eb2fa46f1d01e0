// One run of the suite at one level against the given URLs: decides for each service whether it is
// a Prism mock, prints where it is going, and runs the contract or scenario level.
import type { RunOptions } from "./config/cli-options.js";
import { runContract, type ContractTarget } from "./contract/run-contract.js";
import { detectTarget, type DetectedTarget } from "./mock/detect-target.js";
import { Reporter } from "./report/reporter.js";
import { REFERENCE_SCENARIO } from "./scenario/cases/index.js";
import type { ScenarioCase } from "./scenario/scenario-case.js";
import { ScenarioContext } from "./scenario/scenario-context.js";
import { runScenario } from "./scenario/run-scenario.js";
import { loadAsyncApiDocuments, type LoadedAsyncApiDocument } from "./spec/asyncapi-documents.js";
import { loadOpenApiDocuments, type LoadedDocument } from "./spec/documents.js";

export interface RunConformanceExtras {
  reporter?: Reporter;
  documents?: LoadedDocument[];
  /** AsyncAPI documents for the channel checks (default: the bundled ones, or those in --spec-dir). */
  asyncDocuments?: LoadedAsyncApiDocument[];
  /** Scenario cases to run instead of the provider–customer scenario. */
  cases?: readonly ScenarioCase[];
}

const MODE_NAMES = {
  mock: "Prism mock",
  proxy: "Prism proxy in front of an implementation",
  real: "implementation",
} as const;

export async function runConformance(
  options: RunOptions,
  extras: RunConformanceExtras = {},
): Promise<Reporter> {
  const reporter = extras.reporter ?? new Reporter();
  const documents = extras.documents ?? loadOpenApiDocuments(options.specDir);
  const targets: Record<string, ContractTarget | undefined> = {};
  const how: Record<string, string> = {};
  for (const [name, url] of Object.entries(options.urls)) {
    if (!url) continue;
    const detected: DetectedTarget = options.mock
      ? { mode: "mock", how: "--mock" }
      : options.viaProxy
        ? { mode: "proxy", how: "--via-proxy" }
        : await detectTarget(
            url,
            documents.find((d) => d.name === name),
          );
    targets[name] = { baseUrl: url, mode: detected.mode };
    how[name] = detected.how;
  }
  reporter.info(`aitbc-conformance: level ${options.level}`);
  for (const [name, t] of Object.entries(targets)) {
    reporter.info(`  ${name.padEnd(11)} ${t!.baseUrl}  (${MODE_NAMES[t!.mode]}: ${how[name]})`);
  }
  if (options.nodes.length > 1) reporter.info(`  all nodes   ${options.nodes.join(", ")}`);
  if (options.sources.length) reporter.info(`  read ${options.sources.join(", ")}`);

  if (options.level === "contract") {
    await runContract({
      documents,
      targets,
      credentials: options.credentials,
      reporter,
      timeoutMs: options.timeoutMs,
      asyncDocuments: extras.asyncDocuments ?? loadAsyncApiDocuments(options.specDir),
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
      nodeUrls: options.nodes,
      recordFile: anyMock ? undefined : options.recordFile,
      adminKey: options.credentials.adminKey ?? options.credentials.apiKey,
      provider: options.provider,
      reporter,
    });
    if (anyMock) reporter.info("  mock mode: checks that need real state are reported as SKIP");
    if (Object.values(targets).some((t) => t?.mode === "proxy"))
      reporter.info(
        "  through a Prism proxy: bad inputs may be refused by the proxy (without our code) and the WebSocket steps cannot pass it; run the scenario against the implementation's own URLs",
      );
    await runScenario(ctx, extras.cases ?? REFERENCE_SCENARIO, reporter);
  }
  reporter.printSummary();
  return reporter;
}
