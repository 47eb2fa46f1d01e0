// Everything the pages need, on free ports in a temp dir: the dev stack as `npm start` runs it (a
// validator, wallet, coordinator, the miner with the offline model, the dev accounts and service,
// the exchange serving the Trade Exchange page with its fake Bitcoin network, and the three page
// servers), through the launcher's own startStack().
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStack, type DevCredentials } from "@aitbc/stack";
import type { PublicConfig } from "@aitbc/web";

export interface TestStack {
  config: PublicConfig;
  credentials: DevCredentials;
  fakeBitcoinUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** What the global setup hands to the test files (JSON only). */
export type ProvidedStack = Omit<TestStack, "stop">;

export async function startTestStack(): Promise<TestStack> {
  const dataDir = mkdtempSync(join(tmpdir(), "aitbc-e2e-"));
  const logLevel = process.env.AITBC_LOG_LEVEL ?? "warn";
  const stack = await startStack({
    dataDir,
    ports: "free",
    // One validator keeps the run light on two cores; AITBC_E2E_VALIDATORS=3 runs the dev layout.
    validators: Number(process.env.AITBC_E2E_VALIDATORS || 1),
    logLevel,
    env: { ...process.env, AITBC_LOG_LEVEL: logLevel },
  });
  try {
    const missing = stack.unavailable.map((u) => `${u.service} (${u.reason})`);
    if (missing.length) throw new Error(`the stack started without ${missing.join(", ")}`);
    const { urls } = stack;
    return {
      config: {
        coordinator: urls.coordinator,
        nodes: urls.nodes,
        wallet: urls.wallet,
        exchange: urls.exchange,
        fake_bitcoin: urls.fake_bitcoin,
        marketplace: urls.marketplace,
        explorer: urls.explorer,
        miner_dashboard: urls.miner_dashboard,
      },
      credentials: stack.credentials,
      fakeBitcoinUrl: urls.fake_bitcoin!,
      dataDir,
      stop: () => stack.stop(),
    };
  } catch (err) {
    await stack.stop();
    throw err;
  }
}
